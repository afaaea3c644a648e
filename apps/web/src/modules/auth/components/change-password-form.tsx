import { PASSWORD_MAX_LENGTH } from '@kindred/contracts';
import { useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { useFormSubmission } from '../../../shared/lib/use-form-submission';
import { ErrorSummary } from '../../../shared/ui/error-summary';
import { FormField } from '../../../shared/ui/form-field';
import { changePassword } from '../api/auth-api';
import { SESSIONS_QUERY_KEY } from '../hooks/use-sessions';
import { PASSWORD_RULES, compact, confirmProblem, newPasswordProblem } from '../lib/validate';

export function ChangePasswordForm() {
  const client = useQueryClient();
  const form = useFormSubmission();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [confirm, setConfirm] = useState('');
  const [done, setDone] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(false);
    const problems = compact({
      currentPassword: currentPassword ? undefined : 'Please enter your current password.',
      newPassword: newPasswordProblem(newPassword),
      confirm: confirmProblem(newPassword, confirm),
    });
    let succeeded = false;
    await form.submit(problems, async () => {
      await changePassword({ currentPassword, newPassword });
      succeeded = true;
    });
    if (succeeded) {
      setCurrent('');
      setNew('');
      setConfirm('');
      setDone(true);
      await client.invalidateQueries({ queryKey: SESSIONS_QUERY_KEY });
    }
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-busy={form.pending}>
      <ErrorSummary key={form.attempt} title="Your password is not changed yet" messages={form.summary} />
      <div role="status">
        {done && <p className="notice notice--success">Your password is changed. Other devices were signed out.</p>}
      </div>
      <FormField
        id="current-password"
        label="Current password"
        type="password"
        value={currentPassword}
        onChange={setCurrent}
        error={form.fieldErrors.currentPassword}
        autoComplete="current-password"
        maxLength={PASSWORD_MAX_LENGTH}
      />
      <FormField
        id="new-password"
        label="New password"
        type="password"
        hint={PASSWORD_RULES}
        value={newPassword}
        onChange={setNew}
        error={form.fieldErrors.newPassword}
        autoComplete="new-password"
        maxLength={PASSWORD_MAX_LENGTH}
      />
      <FormField
        id="confirm-password"
        label="New password again"
        type="password"
        value={confirm}
        onChange={setConfirm}
        error={form.fieldErrors.confirm}
        autoComplete="new-password"
        maxLength={PASSWORD_MAX_LENGTH}
      />
      <button type="submit" className="button button--primary" disabled={form.pending}>
        {form.pending ? 'Changing…' : 'Change password'}
      </button>
    </form>
  );
}
