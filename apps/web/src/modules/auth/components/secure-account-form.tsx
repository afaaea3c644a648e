import { useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { useT } from '../../../shared/i18n/use-t';
import { plural } from '../../../shared/lib/plural';
import { useFormSubmission } from '../../../shared/lib/use-form-submission';
import { ErrorSummary } from '../../../shared/ui/error-summary';
import { StatusMessage } from '../../../shared/ui/status-message';
import { secureAccount } from '../api/auth-api';
import { SESSIONS_QUERY_KEY } from '../hooks/use-sessions';
import { compact } from '../lib/validate';
import { EMPTY_PASSWORD_CHANGE, PasswordChangeFields, passwordChangeProblems } from './password-change-fields';
import { RecoveryCodesPanel } from './recovery-codes-panel';

/** "Someone else may know my password": new password, other devices out, new codes, in one step. */
export function SecureAccountForm() {
  const t = useT();
  const client = useQueryClient();
  const form = useFormSubmission();
  const [fields, setFields] = useState(EMPTY_PASSWORD_CHANGE);
  const [result, setResult] = useState<{ revoked: number; recoveryCodes: string[] } | undefined>();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const done = await form.submit(compact(passwordChangeProblems(fields)), () =>
      secureAccount({ currentPassword: fields.currentPassword, newPassword: fields.newPassword }),
    );
    if (!done) return;
    setFields(EMPTY_PASSWORD_CHANGE);
    setResult(done);
    await client.invalidateQueries({ queryKey: SESSIONS_QUERY_KEY });
  }

  if (result) {
    return (
      <>
        <StatusMessage tone="success">
          Done. Your password is changed
          {result.revoked === 0 ? '; no other device was signed in' : ` and ${plural(result.revoked, 'other device')} signed out`}. Your old
          recovery codes no longer work: here are new ones.
        </StatusMessage>
        <p>{t('secureAccount.passkeysKept')}</p>
        <RecoveryCodesPanel codes={result.recoveryCodes} headingLevel={3} onDone={() => setResult(undefined)} doneLabel="I have saved them" />
      </>
    );
  }

  return (
    <>
      <p>
        If you think someone else knows your password or has used your account, this does three things at once: it changes
        your password, signs out every other device (open chats there close straight away), and gives you new recovery
        codes. If any part fails, nothing changes.
      </p>
      <p>{t('secureAccount.passkeysNote')}</p>
      <form className="form" onSubmit={onSubmit} noValidate aria-busy={form.pending}>
        <ErrorSummary key={form.attempt} title="Nothing was changed" messages={form.summary} />
        <PasswordChangeFields idPrefix="secure-" value={fields} onChange={setFields} errors={form.fieldErrors} />
        <button type="submit" className="button button--primary" disabled={form.pending}>
          {form.pending ? 'Securing your account…' : 'Secure my account'}
        </button>
      </form>
    </>
  );
}
