import { Role } from '@kindred/contracts';
import { useState } from 'react';
import { toDisplayError } from '../../../shared/lib/api-client';
import { Link } from '../../../shared/ui/link';
import { logout } from '../api/auth-api';
import { useSession } from '../hooks/session-context';

/** Who is signed in, with a way to log out. */
export function CurrentUserPanel() {
  const { state, setUser } = useSession();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onLogout() {
    setPending(true);
    setError(null);
    try {
      await logout();
      setUser(null);
    } catch (cause) {
      setError(toDisplayError(cause).message);
    } finally {
      setPending(false);
    }
  }

  if (state.status === 'loading') {
    return <p className="muted">Checking whether you are signed in…</p>;
  }
  if (state.status === 'error') {
    return <p className="muted">{state.message}</p>;
  }
  if (!state.user) {
    return (
      <p>
        You are not signed in. <Link to="/login">Log in</Link> or{' '}
        <Link to="/register">create an account</Link>.
      </p>
    );
  }
  return (
    <div className="session-panel">
      <p>
        Signed in as <strong>{state.user.handle}</strong>
        {state.user.role !== Role.Member && <span className="badge">{state.user.role}</span>}
      </p>
      <button type="button" className="button" onClick={onLogout} disabled={pending}>
        {pending ? 'Logging out…' : 'Log out'}
      </button>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
