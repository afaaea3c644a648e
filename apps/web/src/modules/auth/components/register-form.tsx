import type { WarningPreferences } from '@kindred/contracts';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { useLocation } from 'react-router';
import { EMAIL_MAX_LENGTH } from '@kindred/contracts';
import { useAppNavigate } from '../../../shared/lib/navigation';
import { useFormSubmission } from '../../../shared/lib/use-form-submission';
import { ErrorSummary } from '../../../shared/ui/error-summary';
import { FormField } from '../../../shared/ui/form-field';
import { saveWarningPreferences } from '../../content-warnings/api/preferences-api';
import { register } from '../api/auth-api';
import { useSession } from '../hooks/use-session';
import { compact, handleProblem, newPasswordProblem } from '../lib/validate';
import { NewAccountFields } from './new-account-fields';

/** Preferences chosen during onboarding, before there was an account to save them to. */
function onboardingPreferences(state: unknown): WarningPreferences | undefined {
  const value = (state as { preferences?: unknown } | null)?.preferences;
  return value && typeof value === 'object' ? (value as WarningPreferences) : undefined;
}

export function RegisterForm() {
  const session = useSession();
  const location = useLocation();
  const navigate = useAppNavigate();
  const form = useFormSubmission();
  const [handle, setHandle] = useState('');
  const [password, setPassword] = useState('');
  const [email, setEmail] = useState('');
  const carried = onboardingPreferences(location.state);

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
    if (!user) return;
    session.setUser(user);
    if (!carried) {
      // New members meet the guidelines, quick exit and their warning choices first.
      navigate('/welcome');
      return;
    }
    try {
      await saveWarningPreferences(carried);
      navigate('/', { state: { notice: 'Welcome. Your account is ready and your choices are saved.' } });
    } catch {
      navigate('/settings', {
        state: { notice: 'Your account is ready, but your warning choices were not saved. Please set them here.' },
      });
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
