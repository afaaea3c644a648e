import type { FormEvent } from 'react';
import { useState } from 'react';
import { EMAIL_MAX_LENGTH } from '@kindred/contracts';
import { navigate } from '../../../shared/lib/router';
import { useFormSubmission } from '../../../shared/lib/use-form-submission';
import { ErrorSummary } from '../../../shared/ui/error-summary';
import { FormField } from '../../../shared/ui/form-field';
import { register } from '../api/auth-api';
import { useSession } from '../hooks/session-context';
import { compact, handleProblem, newPasswordProblem } from '../lib/validate';
import { NewAccountFields } from './new-account-fields';

export function RegisterForm() {
  const session = useSession();
  const form = useFormSubmission();
  const [handle, setHandle] = useState('');
  const [password, setPassword] = useState('');
  const [email, setEmail] = useState('');

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmedEmail = email.trim();
    const problems = compact({
      handle: handleProblem(handle.trim()),
      password: newPasswordProblem(password),
      email:
        trimmedEmail && !trimmedEmail.includes('@') ? 'This email address looks incomplete.' : undefined,
    });
    const user = await form.submit(problems, () =>
      register({
        handle: handle.trim(),
        password,
        ...(trimmedEmail ? { email: trimmedEmail } : {}),
      }),
    );
    if (user) {
      session.setUser(user);
      navigate('/');
    }
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-busy={form.pending}>
      <ErrorSummary key={form.attempt} messages={form.summary} />
      <NewAccountFields
        handleLabel="Handle"
        handle={handle}
        onHandleChange={setHandle}
        password={password}
        onPasswordChange={setPassword}
        errors={form.fieldErrors}
      />
      <FormField
        id="email"
        label="Email"
        type="email"
        optional
        hint="You can leave this empty. Kindred works without it."
        value={email}
        onChange={setEmail}
        error={form.fieldErrors.email}
        autoComplete="email"
        maxLength={EMAIL_MAX_LENGTH}
      />
      <button type="submit" className="button button--primary" disabled={form.pending}>
        {form.pending ? 'Creating your account…' : 'Create account'}
      </button>
    </form>
  );
}
