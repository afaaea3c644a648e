import { RECOVERY_CODE_MAX_LENGTH } from '@kindred/contracts';
import { FormField } from '../../../shared/ui/form-field';
import { useT } from '../../../shared/i18n/use-t';

interface Props {
  id: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  /** Recovery codes work wherever the app's code is asked for, except while setting up. */
  allowRecoveryCode?: boolean;
}

/** The 6-digit code from the authenticator app. */
export function TwoStepCodeField({ id, value, onChange, error, allowRecoveryCode = true }: Props) {
  const t = useT();
  return (
    <FormField
      id={id}
      label={t('twoStep.codeLabel')}
      hint={allowRecoveryCode ? t('twoStep.codeHintRecovery') : t('twoStep.codeHint')}
      value={value}
      onChange={onChange}
      error={error}
      autoComplete="one-time-code"
      inputMode={allowRecoveryCode ? 'text' : 'numeric'}
      autoCapitalize="characters"
      spellCheck={false}
      maxLength={RECOVERY_CODE_MAX_LENGTH}
    />
  );
}
