import { useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { useFormSubmission } from '../../../shared/lib/use-form-submission';
import { ErrorSummary } from '../../../shared/ui/error-summary';
import { changePassword } from '../api/auth-api';
import { SESSIONS_QUERY_KEY } from '../hooks/use-sessions';
import { compact } from '../lib/validate';
import { EMPTY_PASSWORD_CHANGE, PasswordChangeFields, passwordChangeProblems } from './password-change-fields';
import { useT } from '../../../shared/i18n/use-t';

export function ChangePasswordForm() {
  const t = useT();
  const client = useQueryClient();
  const form = useFormSubmission();
  const [fields, setFields] = useState(EMPTY_PASSWORD_CHANGE);
  const [done, setDone] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDone(false);
    let succeeded = false;
    await form.submit(compact(passwordChangeProblems(fields, t)), async () => {
      await changePassword({ currentPassword: fields.currentPassword, newPassword: fields.newPassword });
      succeeded = true;
    });
    if (succeeded) {
      setFields(EMPTY_PASSWORD_CHANGE);
      setDone(true);
      await client.invalidateQueries({ queryKey: SESSIONS_QUERY_KEY });
    }
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-busy={form.pending}>
      <ErrorSummary key={form.attempt} title={t('password.notChanged')} messages={form.summary} />
      <div role="status">
        {done && <p className="notice notice--success">{t('password.changed')}</p>}
      </div>
      <PasswordChangeFields value={fields} onChange={setFields} errors={form.fieldErrors} />
      <button type="submit" className="button button--primary" disabled={form.pending}>
        {form.pending ? t('password.changing') : t('password.change')}
      </button>
    </form>
  );
}
