import { AppLink, AppNavLink } from '../shared/ui/app-link';
import { useLogout } from '../modules/auth/hooks/use-logout';
import { useSession } from '../modules/auth/hooks/use-session';
import { useIsModerator } from '../modules/moderation/hooks/use-is-moderator';
import { unreadCount, useLiveNotifications, useNotifications } from '../modules/notifications/hooks/use-notifications';
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
          {user && <MemberLinks />}
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

function MemberLinks() {
  const notifications = useNotifications();
  const announcement = useLiveNotifications();
  const isModerator = useIsModerator();
  const unread = unreadCount(notifications.data);

  return (
    <>
      <li>
        <AppNavLink to="/search">Search</AppNavLink>
      </li>
      <li>
        <AppNavLink to="/notifications">
          Notifications
          {unread > 0 && (
            <span className="count-badge">
              {unread}
              <span className="visually-hidden"> unread</span>
            </span>
          )}
        </AppNavLink>
        <span role="status" className="visually-hidden">
          {announcement}
        </span>
      </li>
      {isModerator && (
        <li>
          <AppNavLink to="/moderation">Moderation</AppNavLink>
        </li>
      )}
      <li>
        <AppNavLink to="/settings">Settings</AppNavLink>
      </li>
    </>
  );
}
