import { Navigate, Outlet, useLocation } from 'react-router';
import { StatusMessage } from '../../../shared/ui/status-message';
import { useSession, wasLoggedOutHere } from '../hooks/use-session';
import { useT } from '../../../shared/i18n/use-t';
import { useErrorText } from '../../../shared/i18n/error-text';

/**
 * Pages that need a session. Without one, the member goes to the login page; the page they
 * wanted travels in router state, never in the address (so it is not logged or kept).
 */
export function RequireAuth() {
  const t = useT();
  const { state } = useSession();
  const location = useLocation();
  const errorText = useErrorText();

  if (state.status === 'loading') return <StatusMessage>{t('auth.checkingSession')}</StatusMessage>;
  if (state.status === 'error') {
    return (
      <div className="notice notice--error" role="alert">
        <p>{errorText(state.error)}</p>
      </div>
    );
  }
  if (!state.user) return <Navigate to="/login" replace state={wasLoggedOutHere() ? undefined : { from: location.pathname }} />;
  return <Outlet />;
}
