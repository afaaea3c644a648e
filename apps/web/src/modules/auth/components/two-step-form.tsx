import type { CurrentUser } from '@kindred/contracts';
import type { FormEvent, ReactNode } from 'react';
import { useState } from 'react';
import { useT } from '../../../shared/i18n/use-t';
import { useFormSubmission } from '../../../shared/lib/use-form-submission';
import { ErrorSummary } from '../../../shared/ui/error-summary';
import { loginTwoStep } from '../api/auth-api';
import { compact } from '../lib/validate';
import { TwoStepCodeField } from './two-step-code-field';

interface Props {
  /** What brought the member here (the password was right, or the password was just reset). */
  intro: ReactNode;
  onSignedIn: (user: CurrentUser) => void;
  /** Back to the first step (the pending sign-in is left to expire). */
  onStartAgain?: () => void;
}

/** The second step after the password (or a reset): an app code or a recovery code; the pending cookie goes along by itself. */
export function TwoStepForm({ intro, onSignedIn, onStartAgain }: Props) {
  const t = useT();
  const form = useFormSubmission();
  const [code, setCode] = useState('');

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problems = compact({ code: code.trim() ? undefined : t('login.enterCode') });
    const user = await form.submit(problems, () => loginTwoStep(code.trim()));
    if (user) onSignedIn(user);
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-busy={form.pending}>
      <ErrorSummary key={form.attempt} title={t('login.failed')} messages={form.summary} />
      <p>{intro}</p>
      <TwoStepCodeField id="two-step-code" value={code} onChange={setCode} error={form.fieldErrors.code} />
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={form.pending}>
          {form.pending ? t('login.checking') : t('header.logIn')}
        </button>
        {onStartAgain && (
          <button type="button" className="button" onClick={onStartAgain}>
            {t('login.startAgain')}
          </button>
        )}
      </div>
    </form>
  );
}
