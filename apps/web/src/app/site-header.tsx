import { AppLink, AppNavLink } from '../shared/ui/app-link';
import { useLogout } from '../modules/auth/hooks/use-logout';
import { useSession } from '../modules/auth/hooks/use-session';
import { PauseButton } from '../modules/safety/components/pause-button';

export function SiteHeader() {
  const { user, state } = useSession();
  const logout = useLogout();

  return (
    <header className="site-header">
      <AppLink to="/" className="site-header__brand">
        Kindred
      </AppLink>
      <nav aria-label="Main" className="site-header__nav">
        <ul>
          <li>
            <AppNavLink to="/">Rooms</AppNavLink>
          </li>
          {user && (
            <>
              <li>
                <AppNavLink to="/search">Search</AppNavLink>
              </li>
              <li>
                <AppNavLink to="/settings">Settings</AppNavLink>
              </li>
            </>
          )}
          {state.status === 'ready' && !user && (
            <>
              <li>
                <AppNavLink to="/welcome">Start here</AppNavLink>
              </li>
              <li>
                <AppNavLink to="/login">Log in</AppNavLink>
              </li>
            </>
          )}
        </ul>
      </nav>
      <div className="site-header__actions">
        <PauseButton />
        {user && (
          <button
            type="button"
            className="button button--small button--quiet"
            onClick={() => logout.mutate()}
            disabled={logout.isPending}
          >
            Log out
          </button>
        )}
      </div>
    </header>
  );
}
