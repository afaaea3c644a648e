import { useLingui } from '@lingui/react';
import { LanguagePicker } from './language-picker';
import { isLanguage } from './locales';
import { setDeviceLanguage } from './visitor-language';

/** For people not signed in (welcome, sign-in, register): the page switches at once. */
export function VisitorLanguagePicker() {
  const { i18n } = useLingui();
  const current = isLanguage(i18n.locale) ? i18n.locale : null;
  return <LanguagePicker value={current} onChange={setDeviceLanguage} />;
}
