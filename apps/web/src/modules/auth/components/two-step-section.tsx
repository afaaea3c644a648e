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
import { useT } from '../../../shared/i18n/use-t';
import { T } from '../../../shared/i18n/t';

const STATUS_KEY = ['totp-status'] as const;

/** Settings: optional two-step sign-in with an authenticator app. */
export function TwoStepSection() {
  const t = useT();
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
    const started = await form.submit(compact({ password: password ? undefined : t('login.enterPassword') }), () => setupTotp(password));
    if (started) {
      setPassword('');
      setSetup(started);
    }
  }

  async function onConfirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const ok = await form.submit(compact({ code: code.trim() ? undefined : t('twoStep.enterAppCode') }), async () => {
      await confirmTotp(code.trim());
      return true;
    });
    if (ok) await refresh(t('twoStep.turnedOn'));
  }

  async function onDisable(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setNotice(undefined);
    const problems = compact({ password: password ? undefined : t('login.enterPassword'), code: code.trim() ? undefined : t('login.enterCode') });
    const ok = await form.submit(problems, async () => {
      await disableTotp(password, code.trim());
      return true;
    });
    if (ok) await refresh(t('twoStep.turnedOff'));
  }

  const summary = <ErrorSummary key={form.attempt} title={t('secure.nothingChanged')} messages={form.summary} />;
  const passwordField = (
    <CurrentPasswordField id="two-step-password" label={t('recovery.yourPassword')} value={password} onChange={setPassword} error={form.fieldErrors.password} />
  );

  if (setup) {
    return (
      <form className="form" onSubmit={onConfirm} noValidate aria-busy={form.pending}>
        {summary}
        <p>{t('twoStep.scan')}</p>
        <img className="qr-code" src={setup.qrDataUrl} alt={t('twoStep.qrAlt')} width={192} height={192} />
        <p>
          <T id="twoStep.cannotScan" values={{ secret: setup.secret }} components={{ key: <code className="secret-key" /> }} />
        </p>
        <TwoStepCodeField id="two-step-confirm" value={code} onChange={setCode} error={form.fieldErrors.code} allowRecoveryCode={false} />
        <button type="submit" className="button button--primary" disabled={form.pending}>
          {form.pending ? t('login.checking') : t('twoStep.turnOn')}
        </button>
      </form>
    );
  }

  return (
    <>
      <p>{t('twoStep.intro')}</p>
      {notice && <StatusMessage tone="success">{notice}</StatusMessage>}
      {status.data?.enabled ? (
        <form className="form" onSubmit={onDisable} noValidate aria-busy={form.pending}>
          {summary}
          <p>{t('twoStep.isOn')}</p>
          {passwordField}
          <TwoStepCodeField id="two-step-disable" value={code} onChange={setCode} error={form.fieldErrors.code} />
          <button type="submit" className="button" disabled={form.pending}>
            {form.pending ? t('twoStep.turningOff') : t('twoStep.turnOff')}
          </button>
        </form>
      ) : (
        status.data && (
          <form className="form" onSubmit={onStart} noValidate aria-busy={form.pending}>
            {summary}
            <p>{t('twoStep.isOff')}</p>
            {passwordField}
            <button type="submit" className="button" disabled={form.pending}>
              {form.pending ? t('twoStep.starting') : t('twoStep.setUp')}
            </button>
          </form>
        )
      )}
    </>
  );
}
