import type { CurrentUser } from '@kindred/contracts';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { PASSWORD_MAX_LENGTH } from '@kindred/contracts';
import { useFormSubmission } from '../../../shared/lib/use-form-submission';
import { FormField } from '../../../shared/ui/form-field';
import { NewAccountFields } from '../../auth/components/new-account-fields';
import { compact, confirmProblem, handleProblem, newPasswordProblem } from '../../auth/lib/validate';
import { createFirstAdmin } from '../api/setup-api';
import { forgetSetupToken } from '../lib/setup-token';
import { useT } from '../../../shared/i18n/use-t';
import { SubmissionForm } from '../../../shared/ui/submission-form';

interface SetupFormProps {
  /** Token from the setup link (it may arrive after the form); when missing, the form asks for it. */
  linkToken: string | null;
  onDone: (user: CurrentUser | undefined) => void;
}

export function SetupForm({ linkToken, onDone }: SetupFormProps) {
  const t = useT();
  const form = useFormSubmission();
  const [typedToken, setTypedToken] = useState('');
  const token = linkToken ?? typedToken;
  const [handle, setHandle] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problems = compact({
      token: token.trim() ? undefined : t('setup.pasteToken'),
      handle: handleProblem(handle.trim(), t),
      password: newPasswordProblem(password, t),
      confirm: confirmProblem(password, confirm, t),
    });
    let succeeded = false;
    const user = await form.submit(problems, async () => {
      const created = await createFirstAdmin({ token: token.trim(), handle: handle.trim(), password });
      succeeded = true;
      return created;
    });
    if (succeeded) {
      forgetSetupToken();
      onDone(user);
    }
  }

  return (
    <SubmissionForm submission={form} onSubmit={onSubmit} submitLabel={t('setup.create')} pendingLabel={t('setup.creating')} primary>
      {linkToken === null && (
        <FormField
          id="token"
          label={t('setup.tokenLabel')}
          hint={t('setup.tokenHint')}
          value={token}
          onChange={setTypedToken}
          error={form.fieldErrors.token}
          autoComplete="off"
          spellCheck={false}
          required
        />
      )}
      <NewAccountFields
        handleLabel={t('setup.adminHandle')}
        handle={handle}
        onHandleChange={setHandle}
        password={password}
        onPasswordChange={setPassword}
        errors={form.fieldErrors}
      />
      <FormField
        id="confirm"
        label={t('setup.confirmPassword')}
        type="password"
        value={confirm}
        onChange={setConfirm}
        error={form.fieldErrors.confirm}
        autoComplete="new-password"
        maxLength={PASSWORD_MAX_LENGTH}
        required
      />
    </SubmissionForm>
  );
}
