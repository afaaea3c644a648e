import type { FormEvent } from 'react';
import { useState } from 'react';
import { useLocation } from 'react-router';
import { HANDLE_MAX_LENGTH, PASSWORD_MAX_LENGTH } from '@kindred/contracts';
import { useAppNavigate } from '../../../shared/lib/navigation';
import { returnPathFrom } from '../../../shared/lib/safe-redirect';
import { useFormSubmission } from '../../../shared/lib/use-form-submission';
import { ErrorSummary } from '../../../shared/ui/error-summary';
import { FormField } from '../../../shared/ui/form-field';
import { login } from '../api/auth-api';
import { useSession } from '../hooks/use-session';
import { compact } from '../lib/validate';

export function LoginForm() {
  const session = useSession();
  const location = useLocation();
  const navigate = useAppNavigate();
  const form = useFormSubmission();
  const [handle, setHandle] = useState('');
  const [password, setPassword] = useState('');

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problems = compact({
      handle: handle.trim() ? undefined : 'Please enter your handle.',
      password: password ? undefined : 'Please enter your password.',
    });
    const user = await form.submit(problems, () => login({ handle: handle.trim(), password }));
    if (user) {
      session.setUser(user);
      // The sign-in form is done with: Back should not show it again.
      navigate(returnPathFrom(location.state), { replace: true });
    }
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-busy={form.pending}>
      <ErrorSummary key={form.attempt} title="We couldn't log you in" messages={form.summary} />
      <FormField
        id="handle"
        label="Handle"
        value={handle}
        onChange={setHandle}
        error={form.fieldErrors.handle}
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        maxLength={HANDLE_MAX_LENGTH}
        required
      />
      <FormField
        id="password"
        label="Password"
        type="password"
        value={password}
        onChange={setPassword}
        error={form.fieldErrors.password}
        autoComplete="current-password"
        maxLength={PASSWORD_MAX_LENGTH}
        required
      />
      <button type="submit" className="button button--primary" disabled={form.pending}>
        {form.pending ? 'Logging in…' : 'Log in'}
      </button>
    </form>
  );
}
