import { useEffect } from 'react';
import { activateLocale } from '../shared/i18n/i18n';
import { pickLocale } from '../shared/i18n/locales';
import { setDeviceLanguage, useDeviceLanguage } from '../shared/i18n/visitor-language';
import { useSession } from '../modules/auth/hooks/use-session';

/**
 * Keeps the active language in step with the member's setting (else this device's last
 * choice, else the browser's). A change anywhere, here or from another tab's settings via
 * the session, switches the page in place without a reload.
 */
export function LanguageSync() {
  const { state, user } = useSession();
  const device = useDeviceLanguage();
  const signedIn = state.status === 'ready' && user !== null;
  const memberLanguage = signedIn ? user.language : null;

  // The device remembers the member's choice so the next visit starts in it; following the
  // browser (null) clears it so the browser's language applies.
  useEffect(() => {
    if (signedIn && memberLanguage !== device) setDeviceLanguage(memberLanguage);
  }, [signedIn, memberLanguage, device]);

  const locale = pickLocale({ member: memberLanguage, visitor: device, browser: navigator.languages });
  useEffect(() => {
    void activateLocale(locale);
  }, [locale]);
  return null;
}
