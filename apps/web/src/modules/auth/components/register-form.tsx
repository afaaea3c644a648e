import { RegistrationMode, type Language, type RegisterResponse, type WarningPreferences } from '@kindred/contracts';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { useLocation } from 'react-router';
import { useAppNavigate } from '../../../shared/lib/navigation';
import { useFormSubmission } from '../../../shared/lib/use-form-submission';
import { ErrorSummary } from '../../../shared/ui/error-summary';
import { FormField } from '../../../shared/ui/form-field';
import { useSite } from '../../community/hooks/use-community';
import { saveWarningPreferences } from '../../content-warnings/api/preferences-api';
import { updateSettings } from '../../account/api/account-api';
import { readDeviceLanguage } from '../../../shared/i18n/visitor-language';
import { register } from '../api/auth-api';
import { useSession } from '../hooks/use-session';
import { compact, handleProblem, newPasswordProblem } from '../lib/validate';
import { NewAccountFields } from './new-account-fields';
import { RecoveryCodesPanel } from './recovery-codes-panel';
import { useT } from '../../../shared/i18n/use-t';

/** Preferences chosen during onboarding, before there was an account to save them to. */
function onboardingPreferences(state: unknown): WarningPreferences | undefined {
  const value = (state as { preferences?: unknown } | null)?.preferences;
  return value && typeof value === 'object' ? (value as WarningPreferences) : undefined;
}

/**
 * A language picked on this device before the account existed becomes the account's, so the
 * new member is not switched back to the browser's language the moment they join.
 */
async function keepDeviceLanguage(current: Language | null): Promise<Language | null> {
  const picked = readDeviceLanguage();
  if (!picked || current) return current;
  try {
    return (await updateSettings({ language: picked })).language;
  } catch {
    // Not saved: the device still remembers it for this visit; settings can save it later.
    return current;
  }
}

export function RegisterForm() {
  const t = useT();
  const session = useSession();
  const location = useLocation();
  const navigate = useAppNavigate();
  const form = useFormSubmission();
  const [handle, setHandle] = useState('');
  const [password, setPassword] = useState('');
  const [inviteCode, setInviteCode] = useState('');
  const site = useSite();
  const inviteOnly = site.data?.registrationMode === RegistrationMode.InviteOnly;
  // Held only until the member moves on: the one time the codes are shown.
  const [registered, setRegistered] = useState<RegisterResponse | undefined>();
  const carried = onboardingPreferences(location.state);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problems = compact({
      handle: handleProblem(handle.trim(), t),
      password: newPasswordProblem(password, t),
      inviteCode: inviteOnly && !inviteCode.trim() ? t('register.inviteCodeRequired') : undefined,
    });
    // No email: Kindred never writes to members, and an address is one more thing that
    // could identify someone. (The API still accepts one from older clients.)
    const result = await form.submit(problems, () => register({ handle: handle.trim(), password, ...(inviteOnly ? { inviteCode: inviteCode.trim() } : {}) }));
    if (result) setRegistered(result);
  }

  async function continueAfterCodes(result: RegisterResponse) {
    const { recoveryCodes: _shownOnce, ...user } = result;
    setRegistered(undefined);
    session.setUser({ ...user, language: await keepDeviceLanguage(user.language) });
    if (!carried) {
      // New members meet the guidelines, quick exit and their warning choices first.
      navigate('/welcome', { replace: true });
      return;
    }
    try {
      await saveWarningPreferences(carried);
      navigate('/', { replace: true, state: { notice: t('register.readyAndSaved') } });
    } catch {
      navigate('/settings', {
        replace: true,
        state: { notice: t('register.readyNotSaved') },
      });
    }
  }

  if (site.data?.registrationMode === RegistrationMode.Closed) {
    return (
      <div className="notice" role="status">
        <h2 className="notice__title">{t('register.closedTitle')}</h2>
        <p>{t('register.closedBody')}</p>
      </div>
    );
  }

  if (registered) {
    return <RecoveryCodesPanel codes={registered.recoveryCodes} handle={registered.handle} onDone={() => void continueAfterCodes(registered)} />;
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-busy={form.pending}>
      <ErrorSummary key={form.attempt} messages={form.summary} />
      <NewAccountFields
        handleLabel={t('account.handle')}
        handle={handle}
        onHandleChange={setHandle}
        password={password}
        onPasswordChange={setPassword}
        errors={form.fieldErrors}
      />
      {inviteOnly && (
        <FormField
          id="inviteCode"
          label={t('register.inviteCode')}
          hint={t('register.inviteCodeHint')}
          value={inviteCode}
          onChange={setInviteCode}
          error={form.fieldErrors.inviteCode}
          autoCapitalize="characters"
          autoComplete="off"
          spellCheck={false}
          maxLength={64}
          required
        />
      )}
      <button type="submit" className="button button--primary" disabled={form.pending}>
        {form.pending ? t('register.creating') : t('register.create')}
      </button>
    </form>
  );
}
