import { RECOVERY_CODE_MAX_LENGTH, type CurrentUser } from '@kindred/contracts';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { useT } from '../../../shared/i18n/use-t';
import { useAppNavigate } from '../../../shared/lib/navigation';
import { useFormSubmission } from '../../../shared/lib/use-form-submission';
import { FormField } from '../../../shared/ui/form-field';
import { recoverAccount } from '../api/auth-api';
import { useSession } from '../hooks/use-session';
import { compact } from '../lib/validate';
import { ExistingHandleField } from './account-fields';
import { TwoStepForm } from './two-step-form';
import { EMPTY_PASSWORD_CHANGE, PasswordChangeFields, passwordChangeProblems } from './password-change-fields';
import { SubmissionForm } from '../../../shared/ui/submission-form';

export function ForgotPasswordForm() {
  const t = useT();
  const session = useSession();
  const navigate = useAppNavigate();
  const form = useFormSubmission();
  const [handle, setHandle] = useState('');
  const [recoveryCode, setCode] = useState('');
  const [fields, setFields] = useState(EMPTY_PASSWORD_CHANGE);
  const [secondStep, setSecondStep] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problems = compact({
      handle: handle.trim() ? undefined : t('login.enterHandle'),
      recoveryCode: recoveryCode.trim() ? undefined : t('forgot.enterCode'),
      ...passwordChangeProblems(fields, t, false),
    });
    const result = await form.submit(problems, () => recoverAccount({ handle: handle.trim(), recoveryCode: recoveryCode.trim(), newPassword: fields.newPassword }));
    if (!result) return;
    if ('twoStepRequired' in result) {
      setFields(EMPTY_PASSWORD_CHANGE);
      setSecondStep(true);
      return;
    }
    done(result);
  }

  function done(user: CurrentUser) {
    session.setUser(user);
    navigate('/settings', {
      replace: true,
      state: {
        notice: t('forgot.done'),
      },
    });
  }

  // Two-step sign-in stays on after a reset: the code just used is spent, so another is asked.
  if (secondStep) return <TwoStepForm intro={t('recovery.secondStepIntro')} onSignedIn={done} />;

  return (
    <SubmissionForm submission={form} onSubmit={onSubmit} errorTitle={t('password.notChanged')} submitLabel={t('forgot.set')} pendingLabel={t('forgot.setting')} primary>
      <ExistingHandleField value={handle} onChange={setHandle} error={form.fieldErrors.handle} />
      <FormField
        id="recovery-code"
        label={t('forgot.codeLabel')}
        hint={t('forgot.codeHint')}
        value={recoveryCode}
        onChange={setCode}
        error={form.fieldErrors.recoveryCode}
        autoComplete="one-time-code"
        autoCapitalize="characters"
        spellCheck={false}
        maxLength={RECOVERY_CODE_MAX_LENGTH}
        required
      />
      <PasswordChangeFields value={fields} onChange={setFields} errors={form.fieldErrors} askCurrent={false} />
    </SubmissionForm>
  );
}
