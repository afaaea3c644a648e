import { LanguagePicker } from '../../../shared/i18n/language-picker';
import { useErrorText } from '../../../shared/i18n/error-text';
import { useT } from '../../../shared/i18n/use-t';
import { useSession } from '../../auth/hooks/use-session';
import { useSaveLanguage } from '../hooks/use-language-setting';

/** The member's language, kept on their account so every device they sign in on follows it. */
export function LanguageSetting() {
  const t = useT();
  const errorText = useErrorText();
  const { user } = useSession();
  const save = useSaveLanguage();

  return (
    <div>
      <LanguagePicker
        value={user?.language ?? null}
        allowBrowser
        disabled={save.isPending}
        onChange={(language) => save.mutate(language)}
      />
      <div role="status">{save.isSuccess && <p className="notice notice--success">{t('language.saved')}</p>}</div>
      {save.isError && (
        <p className="field__error" role="alert">
          {errorText(save.error)}
        </p>
      )}
    </div>
  );
}
