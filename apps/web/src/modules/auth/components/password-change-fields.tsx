import { PASSWORD_MAX_LENGTH } from '@kindred/contracts';
import { FormField } from '../../../shared/ui/form-field';
import { CurrentPasswordField } from './account-fields';
import type { Translate } from '../../../shared/i18n/use-t';
import { confirmProblem, newPasswordProblem, passwordRules } from '../lib/validate';
import { useT } from '../../../shared/i18n/use-t';

export interface PasswordChange {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export const EMPTY_PASSWORD_CHANGE: PasswordChange = { currentPassword: '', newPassword: '', confirm: '' };

interface Props {
  /** Prefix for the input ids, so two of these forms can share a page. */
  idPrefix?: string;
  value: PasswordChange;
  onChange: (value: PasswordChange) => void;
  errors: Record<string, string>;
  /** Forgot password has no current password to ask for. */
  askCurrent?: boolean;
}

/** Current password (optional), new password and the new one again: every form that sets a password. */
export function PasswordChangeFields({ idPrefix = '', value, onChange, errors, askCurrent = true }: Props) {
  const t = useT();
  const set = (field: keyof PasswordChange) => (next: string) => onChange({ ...value, [field]: next });
  return (
    <>
      {askCurrent && (
        <CurrentPasswordField
          id={`${idPrefix}current-password`}
          label={t('password.current')}
          value={value.currentPassword}
          onChange={set('currentPassword')}
          error={errors.currentPassword}
        />
      )}
      <FormField
        id={`${idPrefix}new-password`}
        label={t('password.new')}
        type="password"
        hint={passwordRules(t)}
        value={value.newPassword}
        onChange={set('newPassword')}
        error={errors.newPassword}
        autoComplete="new-password"
        maxLength={PASSWORD_MAX_LENGTH}
      />
      <FormField
        id={`${idPrefix}confirm-password`}
        label={t('password.again')}
        type="password"
        value={value.confirm}
        onChange={set('confirm')}
        error={errors.confirm}
        autoComplete="new-password"
        maxLength={PASSWORD_MAX_LENGTH}
      />
    </>
  );
}

/** The client-side checks shared by those forms (the server still decides). */
export function passwordChangeProblems(value: PasswordChange, t: Translate, askCurrent = true): Record<string, string | undefined> {
  return {
    currentPassword: !askCurrent || value.currentPassword ? undefined : t('password.enterCurrent'),
    newPassword: newPasswordProblem(value.newPassword, t),
    confirm: confirmProblem(value.newPassword, value.confirm, t),
  };
}
