import type { CurrentUser } from '@kindred/contracts';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { PASSWORD_MAX_LENGTH } from '@kindred/contracts';
import { useFormSubmission } from '../../../shared/lib/use-form-submission';
import { ErrorSummary } from '../../../shared/ui/error-summary';
import { FormField } from '../../../shared/ui/form-field';
import { NewAccountFields } from '../../auth/components/new-account-fields';
import { compact, confirmProblem, handleProblem, newPasswordProblem } from '../../auth/lib/validate';
import { createFirstAdmin } from '../api/setup-api';
import { forgetSetupToken } from '../lib/setup-token';

interface SetupFormProps {
  /** Token from the setup link (it may arrive after the form); when missing, the form asks for it. */
  linkToken: string | null;
  onDone: (user: CurrentUser | undefined) => void;
}

export function SetupForm({ linkToken, onDone }: SetupFormProps) {
  const form = useFormSubmission();
  const [typedToken, setTypedToken] = useState('');
  const token = linkToken ?? typedToken;
  const [handle, setHandle] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problems = compact({
      token: token.trim() ? undefined : 'Please paste the token from the setup link.',
      handle: handleProblem(handle.trim()),
      password: newPasswordProblem(password),
      confirm: confirmProblem(password, confirm),
    });
    let succeeded = false;
    const user = await form.submit(problems, async () => {
      const created = await createFirstAdmin({ token: token.trim(), handle: handle.trim(), password });
      succeeded = true;
      return created;
    });
    if (succeeded) {
      forgetSetupToken();
      onDone(user);
    }
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-busy={form.pending}>
      <ErrorSummary key={form.attempt} messages={form.summary} />
      {linkToken === null && (
        <FormField
          id="token"
          label="Setup token"
          hint="The part after “#token=” in the link printed in the server console."
          value={token}
          onChange={setTypedToken}
          error={form.fieldErrors.token}
          autoComplete="off"
          spellCheck={false}
          required
        />
      )}
      <NewAccountFields
        handleLabel="Admin handle"
        handle={handle}
        onHandleChange={setHandle}
        password={password}
        onPasswordChange={setPassword}
        errors={form.fieldErrors}
      />
      <FormField
        id="confirm"
        label="Confirm password"
        type="password"
        value={confirm}
        onChange={setConfirm}
        error={form.fieldErrors.confirm}
        autoComplete="new-password"
        maxLength={PASSWORD_MAX_LENGTH}
        required
      />
      <button type="submit" className="button button--primary" disabled={form.pending}>
        {form.pending ? 'Creating the admin account…' : 'Create admin account'}
      </button>
    </form>
  );
}
