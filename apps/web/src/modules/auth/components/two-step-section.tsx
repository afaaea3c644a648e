import type { TotpSetupResponse } from '@kindred/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { useFormSubmission } from '../../../shared/lib/use-form-submission';
import { ErrorSummary } from '../../../shared/ui/error-summary';
import { StatusMessage } from '../../../shared/ui/status-message';
import { confirmTotp, disableTotp, fetchTotpStatus, setupTotp } from '../api/auth-api';
import { compact } from '../lib/validate';
import { CurrentPasswordField } from './account-fields';
import { TwoStepCodeField } from './two-step-code-field';

const STATUS_KEY = ['totp-status'] as const;

/** Settings: optional two-step sign-in with an authenticator app. */
export function TwoStepSection() {
  const client = useQueryClient();
  const status = useQuery({ queryKey: STATUS_KEY, queryFn: ({ signal }) => fetchTotpStatus(signal) });
  const form = useFormSubmission();
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [setup, setSetup] = useState<TotpSetupResponse | undefined>();
  const [notice, setNotice] = useState<string | undefined>();

  async function refresh(message: string) {
    setPassword('');
    setCode('');
    setSetup(undefined);
    setNotice(message);
    await client.invalidateQueries({ queryKey: STATUS_KEY });
  }

  async function onStart(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setNotice(undefined);
    const started = await form.submit(compact({ password: password ? undefined : 'Please enter your password.' }), () => setupTotp(password));
    if (started) {
      setPassword('');
      setSetup(started);
    }
  }

  async function onConfirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const ok = await form.submit(compact({ code: code.trim() ? undefined : 'Please enter the code from the app.' }), async () => {
      await confirmTotp(code.trim());
      return true;
    });
    if (ok) await refresh('Two-step sign-in is on. Next time you log in, Kindred will ask for a code from the app.');
  }

  async function onDisable(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setNotice(undefined);
    const problems = compact({ password: password ? undefined : 'Please enter your password.', code: code.trim() ? undefined : 'Please enter the code.' });
    const ok = await form.submit(problems, async () => {
      await disableTotp(password, code.trim());
      return true;
    });
    if (ok) await refresh('Two-step sign-in is off. Logging in needs only your password again.');
  }

  const summary = <ErrorSummary key={form.attempt} title="Nothing was changed" messages={form.summary} />;
  const passwordField = (
    <CurrentPasswordField id="two-step-password" label="Your password" value={password} onChange={setPassword} error={form.fieldErrors.password} />
  );

  if (setup) {
    return (
      <form className="form" onSubmit={onConfirm} noValidate aria-busy={form.pending}>
        {summary}
        <p>Scan this with an authenticator app on your phone, then type the code it shows.</p>
        <img className="qr-code" src={setup.qrDataUrl} alt="QR code for your authenticator app" width={192} height={192} />
        <p>
          Cannot scan? Type this key into the app instead: <code className="secret-key">{setup.secret}</code>
        </p>
        <TwoStepCodeField id="two-step-confirm" value={code} onChange={setCode} error={form.fieldErrors.code} allowRecoveryCode={false} />
        <button type="submit" className="button button--primary" disabled={form.pending}>
          {form.pending ? 'Checking…' : 'Turn on two-step sign-in'}
        </button>
      </form>
    );
  }

  return (
    <>
      <p>With two-step sign-in, someone who learns your password still cannot get in without your phone. Your recovery codes also work as the second step.</p>
      {notice && <StatusMessage tone="success">{notice}</StatusMessage>}
      {status.data?.enabled ? (
        <form className="form" onSubmit={onDisable} noValidate aria-busy={form.pending}>
          {summary}
          <p>Two-step sign-in is on.</p>
          {passwordField}
          <TwoStepCodeField id="two-step-disable" value={code} onChange={setCode} error={form.fieldErrors.code} />
          <button type="submit" className="button" disabled={form.pending}>
            {form.pending ? 'Turning off…' : 'Turn off two-step sign-in'}
          </button>
        </form>
      ) : (
        status.data && (
          <form className="form" onSubmit={onStart} noValidate aria-busy={form.pending}>
            {summary}
            <p>Two-step sign-in is off.</p>
            {passwordField}
            <button type="submit" className="button" disabled={form.pending}>
              {form.pending ? 'Starting…' : 'Set up two-step sign-in'}
            </button>
          </form>
        )
      )}
    </>
  );
}
