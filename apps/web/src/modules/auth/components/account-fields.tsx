import { HANDLE_MAX_LENGTH, PASSWORD_MAX_LENGTH } from '@kindred/contracts';
import { FormField } from '../../../shared/ui/form-field';
import { useT } from '../../../shared/i18n/use-t';

interface FieldProps {
  value: string;
  onChange: (value: string) => void;
  error?: string;
}

/** The handle of an existing account, as typed to sign in or recover it. */
export function ExistingHandleField({ value, onChange, error }: FieldProps) {
  const t = useT();
  return (
    <FormField
      id="handle"
      label={t('account.handle')}
      value={value}
      onChange={onChange}
      error={error}
      autoComplete="username"
      autoCapitalize="none"
      spellCheck={false}
      maxLength={HANDLE_MAX_LENGTH}
      required
    />
  );
}

/** The member's current password, asked again before something sensitive. */
export function CurrentPasswordField({ id, label, hint, value, onChange, error }: FieldProps & { id: string; label: string; hint?: string }) {
  return (
    <FormField
      id={id}
      label={label}
      hint={hint}
      type="password"
      value={value}
      onChange={onChange}
      error={error}
      autoComplete="current-password"
      maxLength={PASSWORD_MAX_LENGTH}
      required
    />
  );
}
