import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { useFormSubmission } from '../../../shared/lib/use-form-submission';
import { fetchRecoveryCodesStatus, regenerateRecoveryCodes } from '../api/auth-api';
import { compact } from '../lib/validate';
import { CurrentPasswordField } from './account-fields';
import { RecoveryCodesPanel } from './recovery-codes-panel';
import { useT } from '../../../shared/i18n/use-t';
import { SubmissionForm } from '../../../shared/ui/submission-form';

const STATUS_KEY = ['recovery-codes-status'] as const;

/** Settings: how many codes are left, and a new set (the old one stops working) after the password. */
export function RecoveryCodesSection() {
  const t = useT();
  const client = useQueryClient();
  const status = useQuery({ queryKey: STATUS_KEY, queryFn: ({ signal }) => fetchRecoveryCodesStatus(signal) });
  const form = useFormSubmission();
  const [password, setPassword] = useState('');
  const [codes, setCodes] = useState<string[] | undefined>();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problems = compact({ password: password ? undefined : t('login.enterPassword') });
    const result = await form.submit(problems, () => regenerateRecoveryCodes(password));
    if (!result) return;
    setPassword('');
    setCodes(result.recoveryCodes);
    await client.invalidateQueries({ queryKey: STATUS_KEY });
  }

  if (codes) {
    return <RecoveryCodesPanel codes={codes} headingLevel={3} onDone={() => setCodes(undefined)} doneLabel={t('recovery.saved')} />;
  }

  return (
    <>
      <p>{t('recovery.intro')}</p>
      {status.data && <p>{t('recovery.remaining', { count: status.data.remaining })}</p>}
      <SubmissionForm submission={form} onSubmit={onSubmit} errorTitle={t('recovery.noNewCodes')} submitLabel={t('recovery.make')} pendingLabel={t('recovery.making')}>
        <CurrentPasswordField
          id="recovery-password"
          label={t('recovery.yourPassword')}
          hint={t('recovery.newSetHint')}
          value={password}
          onChange={setPassword}
          error={form.fieldErrors.password}
        />
      </SubmissionForm>
    </>
  );
}
