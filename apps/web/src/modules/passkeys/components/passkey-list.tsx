import type { PasskeySummary } from '@kindred/contracts';
import { useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { useFormat } from '../../../shared/i18n/format';
import { T } from '../../../shared/i18n/t';
import { useT } from '../../../shared/i18n/use-t';
import { ErrorSummary } from '../../../shared/ui/error-summary';
import { CurrentPasswordField } from '../../auth/components/account-fields';
import { removePasskey } from '../api/passkeys-api';
import { PASSKEYS_QUERY_KEY } from '../hooks/use-passkeys';
import { usePasskeyAction } from '../lib/use-passkey-action';

/** One passkey: when it was added and last used; removing it asks for the password. */
function PasskeyRow({ passkey, onRemoved }: { passkey: PasskeySummary; onRemoved: (name: string) => void }) {
  const t = useT();
  const format = useFormat();
  const action = usePasskeyAction();
  const [confirming, setConfirming] = useState(false);
  const [password, setPassword] = useState('');

  async function onRemove(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problems: Record<string, string> = password ? {} : { password: t('passkeys.remove.passwordMissing') };
    const done = await action.run(problems, async () => {
      await removePasskey(passkey.id, password);
      return true;
    });
    if (done) onRemoved(passkey.name);
  }

  return (
    <li className="item-list__row">
      <span>
        <strong>{passkey.name}</strong>
        <br />
        <span className="muted">
          {t('passkeys.list.added', { date: format.date(passkey.createdAt) })}
          {' · '}
          {passkey.lastUsedAt ? t('passkeys.list.lastUsed', { when: format.relative(passkey.lastUsedAt) }) : t('passkeys.list.neverUsed')}
        </span>
      </span>
      {confirming ? (
        <form className="form passkey-row__confirm" onSubmit={onRemove} noValidate aria-busy={action.pending}>
          <ErrorSummary key={action.attempt} title={t('passkeys.remove.failed')} messages={action.summary} />
          <CurrentPasswordField
            id={`passkey-remove-password-${passkey.id}`}
            label={t('passkeys.remove.passwordLabel', { name: passkey.name })}
            value={password}
            onChange={setPassword}
            error={action.fieldErrors.password}
          />
          <div className="button-row">
            <button type="submit" className="button" disabled={action.pending}>
              {action.pending ? t('passkeys.remove.pending') : t('passkeys.remove.confirm')}
            </button>
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              {t('passkeys.remove.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <button type="button" className="button button--small" onClick={() => setConfirming(true)}>
          <T id="passkeys.remove.button" values={{ name: passkey.name }} components={{ hidden: <span className="visually-hidden" /> }} />
        </button>
      )}
    </li>
  );
}

export function PasskeyList({ passkeys, onRemoved }: { passkeys: PasskeySummary[]; onRemoved: (name: string) => void }) {
  const client = useQueryClient();
  return (
    <ul className="item-list">
      {passkeys.map((passkey) => (
        <PasskeyRow
          key={passkey.id}
          passkey={passkey}
          onRemoved={(name) => {
            onRemoved(name);
            void client.invalidateQueries({ queryKey: PASSKEYS_QUERY_KEY });
          }}
        />
      ))}
    </ul>
  );
}
