import {
  HANDLE_MAX_LENGTH,
  HANDLE_MIN_LENGTH,
  HANDLE_PATTERN_SOURCE,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
} from '@kindred/contracts';
import { FormField } from '../../../shared/ui/form-field';
import { handleRules, passwordRules } from '../lib/validate';
import { useT } from '../../../shared/i18n/use-t';

interface NewAccountFieldsProps {
  handleLabel: string;
  handle: string;
  onHandleChange: (value: string) => void;
  password: string;
  onPasswordChange: (value: string) => void;
  errors: Partial<Record<'handle' | 'password', string>>;
}

/** Handle and new-password fields shared by registration and first-admin setup. */
export function NewAccountFields(props: NewAccountFieldsProps) {
  const t = useT();
  return (
    <>
      <FormField
        id="handle"
        label={props.handleLabel}
        hint={`${t('account.handleGuidance')} ${handleRules(t)}`}
        value={props.handle}
        onChange={props.onHandleChange}
        error={props.errors.handle}
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        minLength={HANDLE_MIN_LENGTH}
        maxLength={HANDLE_MAX_LENGTH}
        pattern={HANDLE_PATTERN_SOURCE}
        required
      />
      <FormField
        id="password"
        label={t('settings.password')}
        type="password"
        hint={passwordRules(t)}
        value={props.password}
        onChange={props.onPasswordChange}
        error={props.errors.password}
        autoComplete="new-password"
        minLength={PASSWORD_MIN_LENGTH}
        maxLength={PASSWORD_MAX_LENGTH}
        required
      />
    </>
  );
}
