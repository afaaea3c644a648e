import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { useFormSubmission } from '../../../shared/lib/use-form-submission';
import { ErrorSummary } from '../../../shared/ui/error-summary';
import { fetchRecoveryCodesStatus, regenerateRecoveryCodes } from '../api/auth-api';
import { compact } from '../lib/validate';
import { CurrentPasswordField } from './account-fields';
import { RecoveryCodesPanel } from './recovery-codes-panel';

const STATUS_KEY = ['recovery-codes-status'] as const;

function remainingText(remaining: number): string {
  if (remaining === 0) return 'You have no unused recovery codes. Please make a new set.';
  if (remaining === 1) return 'You have 1 unused recovery code.';
  return `You have ${remaining} unused recovery codes.`;
}

/** Settings: how many codes are left, and a new set (the old one stops working) after the password. */
export function RecoveryCodesSection() {
  const client = useQueryClient();
  const status = useQuery({ queryKey: STATUS_KEY, queryFn: ({ signal }) => fetchRecoveryCodesStatus(signal) });
  const form = useFormSubmission();
  const [password, setPassword] = useState('');
  const [codes, setCodes] = useState<string[] | undefined>();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problems = compact({ password: password ? undefined : 'Please enter your password.' });
    const result = await form.submit(problems, () => regenerateRecoveryCodes(password));
    if (!result) return;
    setPassword('');
    setCodes(result.recoveryCodes);
    await client.invalidateQueries({ queryKey: STATUS_KEY });
  }

  if (codes) {
    return <RecoveryCodesPanel codes={codes} headingLevel={3} onDone={() => setCodes(undefined)} doneLabel="I have saved them" />;
  }

  return (
    <>
      <p>Recovery codes let you set a new password if you forget yours. Each code works once.</p>
      {status.data && <p>{remainingText(status.data.remaining)}</p>}
      <form className="form" onSubmit={onSubmit} noValidate aria-busy={form.pending}>
        <ErrorSummary key={form.attempt} title="No new codes yet" messages={form.summary} />
        <CurrentPasswordField
          id="recovery-password"
          label="Your password"
          hint="Making a new set stops your old codes from working."
          value={password}
          onChange={setPassword}
          error={form.fieldErrors.password}
        />
        <button type="submit" className="button" disabled={form.pending}>
          {form.pending ? 'Making new codes…' : 'Make new recovery codes'}
        </button>
      </form>
    </>
  );
}
