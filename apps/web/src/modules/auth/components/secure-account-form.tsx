import { useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { useFormSubmission } from '../../../shared/lib/use-form-submission';
import { ErrorSummary } from '../../../shared/ui/error-summary';
import { StatusMessage } from '../../../shared/ui/status-message';
import { secureAccount } from '../api/auth-api';
import { SESSIONS_QUERY_KEY } from '../hooks/use-sessions';
import { compact } from '../lib/validate';
import { EMPTY_PASSWORD_CHANGE, PasswordChangeFields, passwordChangeProblems } from './password-change-fields';
import { RecoveryCodesPanel } from './recovery-codes-panel';
import { useT } from '../../../shared/i18n/use-t';

/** "Someone else may know my password": new password, other devices out, new codes, in one step. */
export function SecureAccountForm() {
  const t = useT();
  const client = useQueryClient();
  const form = useFormSubmission();
  const [fields, setFields] = useState(EMPTY_PASSWORD_CHANGE);
  const [result, setResult] = useState<{ revoked: number; recoveryCodes: string[] } | undefined>();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const done = await form.submit(compact(passwordChangeProblems(fields, t)), () =>
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
          {t('secure.done', { count: result.revoked })}
        </StatusMessage>
        <p>{t('secureAccount.passkeysKept')}</p>
        <RecoveryCodesPanel codes={result.recoveryCodes} headingLevel={3} onDone={() => setResult(undefined)} doneLabel={t('recovery.saved')} />
      </>
    );
  }

  return (
    <>
      <p>{t('secure.intro')}</p>
      <p>{t('secureAccount.passkeysNote')}</p>
      <form className="form" onSubmit={onSubmit} noValidate aria-busy={form.pending}>
        <ErrorSummary key={form.attempt} title={t('secure.nothingChanged')} messages={form.summary} />
        <PasswordChangeFields idPrefix="secure-" value={fields} onChange={setFields} errors={form.fieldErrors} />
        <button type="submit" className="button button--primary" disabled={form.pending}>
          {form.pending ? t('secure.securing') : t('secure.submit')}
        </button>
      </form>
    </>
  );
}
