import type { CurrentUser } from '@kindred/contracts';
import { useT } from '../../../shared/i18n/use-t';
import { ErrorSummary } from '../../../shared/ui/error-summary';
import { passkeySignIn, passkeysSupported } from '../lib/passkey-ceremony';
import { usePasskeyAction } from '../lib/use-passkey-action';

/**
 * Sign in with a passkey: no handle is asked, the device offers the passkeys it holds for
 * Kindred (asking for a handle first would tell anyone whether that account has passkeys).
 */
export function PasskeySignIn({ onSignedIn }: { onSignedIn: (user: CurrentUser) => void }) {
  const t = useT();
  const action = usePasskeyAction();
  if (!passkeysSupported()) return null;

  async function onClick() {
    const user = await action.run({}, passkeySignIn);
    if (user) onSignedIn(user);
  }

  return (
    <div className="passkey-sign-in" aria-busy={action.pending}>
      <ErrorSummary key={action.attempt} title={t('passkeys.signIn.failed')} messages={action.summary} />
      <p className="muted" id="passkey-sign-in-hint">
        {t('passkeys.signIn.hint')}
      </p>
      <button type="button" className="button" onClick={() => void onClick()} disabled={action.pending} aria-describedby="passkey-sign-in-hint">
        {action.pending ? t('passkeys.signIn.pending') : t('passkeys.signIn.button')}
      </button>
    </div>
  );
}
