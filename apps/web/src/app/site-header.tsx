import type { KeyboardEvent } from 'react';
import { useRef, useState } from 'react';
import { useLocation } from 'react-router';
import { APP_NAME } from '../shared/i18n/locales';
import { AppLink, AppNavLink } from '../shared/ui/app-link';
import { useLogout } from '../modules/auth/hooks/use-logout';
import { useSession } from '../modules/auth/hooks/use-session';
import { CrisisBadge, CrisisToast } from '../modules/care/components/crisis-count';
import { useCrisisCount } from '../modules/care/hooks/use-crisis-count';
import { useCommunityAccess } from '../modules/community/hooks/use-community';
import { useIsModerator } from '../modules/moderation/hooks/use-is-moderator';
import { unreadCount, useLiveNotifications, useNotifications } from '../modules/notifications/hooks/use-notifications';
import { PauseButton } from '../modules/safety/components/pause-button';
import { unreadTotal, useInbox, useLiveInbox } from '../modules/conversations/hooks/use-conversations';
import { useT } from '../shared/i18n/use-t';

/**
 * On a wide screen the links and actions sit in one row. On a phone the header is one
 * short row (the name, a Menu button and room for the fixed quick-exit button) and the
 * rest opens below the Menu button; the CSS decides which applies.
 */
export function SiteHeader() {
  const t = useT();
  const { user, state } = useSession();
  const logout = useLogout();
  const { pathname } = useLocation();
  // The menu belongs to the page it was opened on: going somewhere closes it (and the
  // layout then moves focus to the new page).
  const [openOn, setOpenOn] = useState<string | null>(null);
  const menuOpen = openOn === pathname;
  const menuButtonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);

  function onMenuKeyDown(event: KeyboardEvent<HTMLElement>) {
    // Only presses inside the menu itself: Esc in the pause dialog (a portal) is not ours.
    if (event.key !== 'Escape' || !menuOpen) return;
    const target = event.target as Node;
    if (target !== menuButtonRef.current && !menuRef.current?.contains(target)) return;
    setOpenOn(null);
    menuButtonRef.current?.focus();
  }

  return (
    <header className="site-header" onKeyDown={onMenuKeyDown}>
      <AppLink to="/" className="site-header__brand">
        {APP_NAME}
      </AppLink>
      {user && <NotificationAnnouncer />}
      {user && <LiveInbox />}
      <button
        ref={menuButtonRef}
        type="button"
        className="button button--small button--quiet site-header__menu-button"
        aria-expanded={menuOpen}
        aria-controls="site-menu"
        onClick={() => setOpenOn(menuOpen ? null : pathname)}
      >
        {t('header.menu')}
        {user && <UnreadBadge label={t('header.unreadNotifications')} />}
        {user && <UnreadMessagesBadge label={t('header.unreadMessages')} />}
      </button>
      <div ref={menuRef} id="site-menu" className={`site-header__menu${menuOpen ? ' is-open' : ''}`}>
        <nav aria-label={t('header.mainNavigation')} className="site-header__nav">
          <ul>
            <li>
              <AppNavLink to="/">{t('header.rooms')}</AppNavLink>
            </li>
            {user && <MemberLinks />}
            {state.status === 'ready' && !user && (
              <>
                <li>
                  <AppNavLink to="/welcome">{t('header.startHere')}</AppNavLink>
                </li>
                <li>
                  <AppNavLink to="/login">{t('header.logIn')}</AppNavLink>
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
              {t('header.logOut')}
            </button>
          )}
        </div>
      </div>
    </header>
  );
}

/** Outside the menu, so a new notice is announced even while the menu is closed. */
function NotificationAnnouncer() {
  const announcement = useLiveNotifications();
  return (
    <span role="status" className="visually-hidden">
      {announcement}
    </span>
  );
}

function CountBadge({ count, label }: { count: number; label: string }) {
  if (count === 0) return null;
  return (
    <span className="count-badge">
      {count}
      <span className="visually-hidden"> {label}</span>
    </span>
  );
}

function UnreadBadge({ label }: { label: string }) {
  return <CountBadge count={unreadCount(useNotifications().data)} label={label} />;
}

/** Keeps the inbox (and so the Messages badge) live while signed in. */
function LiveInbox() {
  useLiveInbox();
  return null;
}

function UnreadMessagesBadge({ label }: { label: string }) {
  return <CountBadge count={unreadTotal(useInbox().data)} label={label} />;
}

function MemberLinks() {
  const t = useT();
  const isModerator = useIsModerator();
  const crisis = useCrisisCount(isModerator);
  // Admins, and room moderators for their own rooms; nobody else sees the link.
  const community = useCommunityAccess();

  return (
    <>
      <li>
        <AppNavLink to="/search">{t('header.search')}</AppNavLink>
      </li>
      <li>
        <AppNavLink to="/notifications">
          {t('header.notifications')}
          <UnreadBadge label={t('header.unread')} />
        </AppNavLink>
      </li>
      <li>
        <AppNavLink to="/messages">
          {t('header.messages')}
          <UnreadMessagesBadge label={t('header.unread')} />
        </AppNavLink>
      </li>
      {isModerator && (
        <li>
          <AppNavLink to="/moderation">
            {t('header.moderation')}
            <CrisisBadge count={crisis.count} />
          </AppNavLink>
          <CrisisToast arrived={crisis.arrived} />
        </li>
      )}
      {community.allowed && (
        <li>
          <AppNavLink to="/community" end={false}>
            {t('header.community')}
          </AppNavLink>
        </li>
      )}
      <li>
        <AppNavLink to="/saved">{t('header.saved')}</AppNavLink>
      </li>
      <li>
        <AppNavLink to="/settings">{t('header.settings')}</AppNavLink>
      </li>
    </>
  );
}
