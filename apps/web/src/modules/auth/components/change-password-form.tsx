import { useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { useFormSubmission } from '../../../shared/lib/use-form-submission';
import { changePassword } from '../api/auth-api';
import { SESSIONS_QUERY_KEY } from '../hooks/use-sessions';
import { compact } from '../lib/validate';
import { EMPTY_PASSWORD_CHANGE, PasswordChangeFields, passwordChangeProblems } from './password-change-fields';
import { useT } from '../../../shared/i18n/use-t';
import { SubmissionForm } from '../../../shared/ui/submission-form';

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
    <SubmissionForm submission={form} onSubmit={onSubmit} errorTitle={t('password.notChanged')} submitLabel={t('password.change')} pendingLabel={t('password.changing')} primary>
      <div role="status">
        {done && <p className="notice notice--success">{t('password.changed')}</p>}
      </div>
      <PasswordChangeFields value={fields} onChange={setFields} errors={form.fieldErrors} />
    </SubmissionForm>
  );
}
