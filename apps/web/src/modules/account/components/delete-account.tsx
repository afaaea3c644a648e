import { PASSWORD_MAX_LENGTH } from '@kindred/contracts';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { useAppNavigate } from '../../../shared/lib/navigation';
import { ConfirmDialog } from '../../../shared/ui/confirm-dialog';
import { FormField } from '../../../shared/ui/form-field';
import { useRealtimeConnection } from '../../../shared/realtime/use-realtime';
import { useDeleteAccount } from '../hooks/use-account';
import { useT } from '../../../shared/i18n/use-t';
import { useErrorText } from '../../../shared/i18n/error-text';

/**
 * Deleting an account: a password to confirm it is really them, a clear choice about what
 * happens to their words, and one calm last question before anything happens.
 */
export function DeleteAccount() {
  const t = useT();
  const errorText = useErrorText();
  const navigate = useAppNavigate();
  const remove = useDeleteAccount();
  const connection = useRealtimeConnection();
  const [password, setPassword] = useState('');
  const [erase, setErase] = useState(false);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [confirming, setConfirming] = useState(false);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!password) {
      setProblem(t('delete.passwordRequired'));
      return;
    }
    setProblem(undefined);
    remove.reset();
    setConfirming(true);
  }

  function onConfirm() {
    // The server ends every session of the account, live chat included; hearing that over the
    // socket first would send this page to "log in" instead of a proper goodbye.
    connection?.stop();
    remove.mutate(
      { password, eraseContent: erase },
      {
        onError: () => connection?.start(),
        onSuccess: () => {
          setConfirming(false);
          try {
            sessionStorage.clear();
            localStorage.clear();
          } catch {
            // Storage may be unavailable; nothing of the account is kept there anyway.
          }
          // The home page ends the session once it is showing: doing it here, on a page that
          // needs a session, would send them to "log in" instead of this goodbye.
          navigate('/', { replace: true, state: { notice: t('delete.done'), endSession: true } });
        },
      },
    );
  }

  return (
    <>
      <p>{t('delete.intro')}</p>
      <form className="form" onSubmit={onSubmit} noValidate>
        <fieldset className="choice-group">
          <legend className="field__label">{t('delete.whatHappens')}</legend>
          <div className="check">
            <input id="delete-keep" type="radio" name="delete-content" checked={!erase} onChange={() => setErase(false)} />
            <label htmlFor="delete-keep">{t('delete.keep')}</label>
          </div>
          <div className="check">
            <input id="delete-erase" type="radio" name="delete-content" checked={erase} onChange={() => setErase(true)} />
            <label htmlFor="delete-erase">{t('delete.erase')}</label>
          </div>
        </fieldset>
        <FormField
          id="delete-password"
          label={t('recovery.yourPassword')}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          error={problem}
          maxLength={PASSWORD_MAX_LENGTH}
        />
        <button type="submit" className="button">
          {t('delete.button')}
        </button>
      </form>
      <ConfirmDialog
        open={confirming}
        title={t('delete.title')}
        confirmLabel={t('delete.confirm')}
        cancelLabel={t('delete.cancel')}
        pending={remove.isPending}
        error={remove.error ? errorText(remove.error) : null}
        onCancel={() => setConfirming(false)}
        onConfirm={onConfirm}
      >
        <p>{t(erase ? 'delete.willErase' : 'delete.willKeep')}</p>
      </ConfirmDialog>
    </>
  );
}
