import { PASSKEY_NAME_MAX_LENGTH, type PasskeySummary } from '@kindred/contracts';
import { useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { useT } from '../../../shared/i18n/use-t';
import { FormField } from '../../../shared/ui/form-field';
import { CurrentPasswordField } from '../../auth/components/account-fields';
import { PASSKEYS_QUERY_KEY } from '../hooks/use-passkeys';
import { addPasskey, passkeysSupported } from '../lib/passkey-ceremony';
import { usePasskeyAction } from '../lib/use-passkey-action';
import { SubmissionForm } from '../../../shared/ui/submission-form';

/** Name it, confirm the password, then the device makes the passkey (screen lock, fingerprint or face). */
export function AddPasskeyForm({ onAdded }: { onAdded: (passkey: PasskeySummary) => void }) {
  const t = useT();
  const client = useQueryClient();
  const action = usePasskeyAction();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');

  if (!passkeysSupported()) return <p>{t('passkeys.add.unsupported')}</p>;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!name.trim()) problems.name = t('passkeys.add.nameMissing');
    if (!password) problems.password = t('passkeys.add.passwordMissing');
    const added = await action.run(problems, () => addPasskey(name.trim(), password));
    setPassword('');
    if (!added) return;
    setName('');
    onAdded(added);
    await client.invalidateQueries({ queryKey: PASSKEYS_QUERY_KEY });
  }

  return (
    <SubmissionForm submission={action} onSubmit={onSubmit} errorTitle={t('passkeys.add.failed')} submitLabel={t('passkeys.add.button')} pendingLabel={t('passkeys.add.pending')}>
      <FormField
        id="passkey-name"
        label={t('passkeys.add.nameLabel')}
        hint={t('passkeys.add.nameHint')}
        value={name}
        onChange={setName}
        error={action.fieldErrors.name}
        maxLength={PASSKEY_NAME_MAX_LENGTH}
        autoComplete="off"
        required
      />
      <CurrentPasswordField id="passkey-password" label={t('passkeys.add.passwordLabel')} value={password} onChange={setPassword} error={action.fieldErrors.password} />
    </SubmissionForm>
  );
}
