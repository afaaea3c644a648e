import { useState } from 'react';
import { useErrorText } from '../../../shared/i18n/error-text';
import { useT } from '../../../shared/i18n/use-t';
import { StatusMessage } from '../../../shared/ui/status-message';
import { usePasskeys } from '../hooks/use-passkeys';
import { AddPasskeyForm } from './add-passkey-form';
import { PasskeyList } from './passkey-list';

/**
 * The member's passkeys. In Settings they can add one; on the safety check the list is there
 * to spot one they do not recognise (changing the password keeps passkeys, so it says so).
 */
export function PasskeysSection({ place }: { place: 'settings' | 'safety-check' }) {
  const t = useT();
  const errorText = useErrorText();
  const passkeys = usePasskeys();
  const [notice, setNotice] = useState<string | undefined>();

  return (
    <>
      <p>{place === 'settings' ? t('passkeys.intro.settings') : t('passkeys.intro.safetyCheck')}</p>
      <div role="status">{notice && <p className="notice notice--success">{notice}</p>}</div>
      {passkeys.isPending && <StatusMessage>{t('passkeys.list.loading')}</StatusMessage>}
      {passkeys.isError && (
        <p className="field__error" role="alert">
          {errorText(passkeys.error)}
        </p>
      )}
      {passkeys.data &&
        (passkeys.data.length === 0 ? (
          <p>{t('passkeys.list.empty')}</p>
        ) : (
          <PasskeyList passkeys={passkeys.data} onRemoved={(name) => setNotice(t('passkeys.remove.done', { name }))} />
        ))}
      {place === 'settings' && <AddPasskeyForm onAdded={(added) => setNotice(t('passkeys.add.done', { name: added.name }))} />}
    </>
  );
}
