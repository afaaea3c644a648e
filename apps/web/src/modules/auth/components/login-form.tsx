import type { FormEvent } from 'react';
import { useState } from 'react';
import { useLocation } from 'react-router';
import type { CurrentUser } from '@kindred/contracts';
import { useAppNavigate } from '../../../shared/lib/navigation';
import { returnPathFrom } from '../../../shared/lib/safe-redirect';
import { useFormSubmission } from '../../../shared/lib/use-form-submission';
import { PasskeySignIn } from '../../passkeys/components/passkey-sign-in';
import { login } from '../api/auth-api';
import { CurrentPasswordField, ExistingHandleField } from './account-fields';
import { TwoStepForm } from './two-step-form';
import { useSession } from '../hooks/use-session';
import { compact } from '../lib/validate';
import { useT } from '../../../shared/i18n/use-t';
import { SubmissionForm } from '../../../shared/ui/submission-form';

export function LoginForm() {
  const t = useT();
  const session = useSession();
  const location = useLocation();
  const navigate = useAppNavigate();
  const form = useFormSubmission();
  const [handle, setHandle] = useState('');
  const [password, setPassword] = useState('');
  const [secondStep, setSecondStep] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problems = compact({
      handle: handle.trim() ? undefined : t('login.enterHandle'),
      password: password ? undefined : t('login.enterPassword'),
    });
    const result = await form.submit(problems, () => login({ handle: handle.trim(), password }));
    if (!result) return;
    if ('twoStepRequired' in result) {
      setPassword('');
      setSecondStep(true);
      return;
    }
    done(result);
  }

  function done(user: CurrentUser) {
    session.setUser(user);
    // The sign-in form is done with: Back should not show it again.
    navigate(returnPathFrom(location.state), { replace: true });
  }

  if (secondStep) {
    return (
      <TwoStepForm
        intro={t('login.secondStep')}
        onSignedIn={done}
        onStartAgain={() => setSecondStep(false)}
      />
    );
  }

  return (
    <>
      <SubmissionForm submission={form} onSubmit={onSubmit} errorTitle={t('login.failed')} submitLabel={t('header.logIn')} pendingLabel={t('login.loggingIn')} primary>
        <ExistingHandleField value={handle} onChange={setHandle} error={form.fieldErrors.handle} />
        <CurrentPasswordField id="password" label={t('settings.password')} value={password} onChange={setPassword} error={form.fieldErrors.password} />
      </SubmissionForm>
      <PasskeySignIn onSignedIn={done} />
    </>
  );
}
