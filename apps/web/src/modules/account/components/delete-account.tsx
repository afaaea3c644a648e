import { PASSWORD_MAX_LENGTH } from '@kindred/contracts';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { toDisplayError } from '../../../shared/lib/api-client';
import { useAppNavigate } from '../../../shared/lib/navigation';
import { ConfirmDialog } from '../../../shared/ui/confirm-dialog';
import { FormField } from '../../../shared/ui/form-field';
import { useRealtimeConnection } from '../../../shared/realtime/use-realtime';
import { useDeleteAccount } from '../hooks/use-account';

/**
 * Deleting an account: a password to confirm it is really them, a clear choice about what
 * happens to their words, and one calm last question before anything happens.
 */
export function DeleteAccount() {
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
      setProblem('Please type your password to confirm it is you.');
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
          navigate('/', { replace: true, state: { notice: 'Your account is deleted. Thank you for being part of Kindred. Take care.', endSession: true } });
        },
      },
    );
  }

  return (
    <>
      <p>
        This cannot be undone. You will be signed out everywhere, and your handle will no longer be usable. You may want to{' '}
        download your data first.
      </p>
      <form className="form" onSubmit={onSubmit} noValidate>
        <fieldset className="choice-group">
          <legend className="field__label">What happens to what you wrote</legend>
          <div className="check">
            <input id="delete-keep" type="radio" name="delete-content" checked={!erase} onChange={() => setErase(false)} />
            <label htmlFor="delete-keep">
              Keep my posts and messages so conversations still make sense, shown as written by “former member”
            </label>
          </div>
          <div className="check">
            <input id="delete-erase" type="radio" name="delete-content" checked={erase} onChange={() => setErase(true)} />
            <label htmlFor="delete-erase">Erase my posts and messages too</label>
          </div>
        </fieldset>
        <FormField
          id="delete-password"
          label="Your password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          error={problem}
          maxLength={PASSWORD_MAX_LENGTH}
        />
        <button type="submit" className="button">
          Delete my account…
        </button>
      </form>
      <ConfirmDialog
        open={confirming}
        title="Delete your account?"
        confirmLabel="Yes, delete my account"
        cancelLabel="Keep my account"
        pending={remove.isPending}
        error={remove.error ? toDisplayError(remove.error).message : null}
        onCancel={() => setConfirming(false)}
        onConfirm={onConfirm}
      >
        <p>
          {erase
            ? 'Your account, your posts and your messages will be erased.'
            : 'Your account will be erased. Your posts and messages stay, shown as written by “former member”.'}{' '}
          This cannot be undone.
        </p>
      </ConfirmDialog>
    </>
  );
}
