import { useEffect } from 'react';
import { useSession } from '../modules/auth/hooks/use-session';
import { InviteCodeForm } from '../modules/rooms/components/invite-code-form';
import { RoomDirectory } from '../modules/rooms/components/room-directory';
import { useRouteEndsSession, useRouteNotice } from '../shared/lib/route-notice';
import { useDocumentTitle } from '../shared/lib/use-document-title';
import { AppLink } from '../shared/ui/app-link';
import { LoadingState } from '../shared/ui/query-state';
import { StatusMessage } from '../shared/ui/status-message';

/** "Welcome back" would be wrong on the day someone joins. */
const NEW_ACCOUNT_MS = 24 * 3_600_000;

function isNewAccount(createdAt: string): boolean {
  return Date.now() - Date.parse(createdAt) < NEW_ACCOUNT_MS;
}

export function HomePage() {
  useDocumentTitle('Rooms');
  const { state, user, setUser } = useSession();
  const notice = useRouteNotice();
  const endSession = useRouteEndsSession();

  // After deleting an account the server has already ended the session; forget it here too.
  useEffect(() => {
    if (endSession && user) setUser(null);
  }, [endSession, user, setUser]);

  if (state.status === 'loading') return <LoadingState label="Loading…" />;

  return (
    <div className="page">
      {user ? (
        <>
          <h1>Rooms</h1>
          <p className="lead">
            {isNewAccount(user.createdAt) ? 'Welcome' : 'Welcome back'}, {user.handle}. Go at your own pace; you can step
            away at any time.
          </p>
        </>
      ) : (
        <>
          <h1>Welcome to Kindred</h1>
          <p className="lead">
            A quiet, moderated place where survivors of trauma support one another at their own pace. You
            choose what you see, who you hear from, and when to step away.
          </p>
          <p className="button-row">
            <AppLink to="/welcome" className="button button--primary">
              Start here
            </AppLink>
            <AppLink to="/login" className="button">
              Log in
            </AppLink>
          </p>
          <aside className="notice" aria-labelledby="quick-exit-note">
            <h2 id="quick-exit-note" className="notice__title">
              Leaving quickly
            </h2>
            <p>
              Press <kbd>Esc</kbd> twice, or use “Quick exit”, to leave at once for a weather page and sign out.
              It cannot erase your browser history, so consider a private window.
            </p>
          </aside>
        </>
      )}
      {notice && <StatusMessage tone="success">{notice}</StatusMessage>}
      {!user && <h2>Rooms</h2>}
      <RoomDirectory signedIn={!!user} />
      {user && (
        <section aria-labelledby="invite-heading" className="panel">
          <h2 id="invite-heading">Have an invite code?</h2>
          <p>Some rooms are not listed. If someone gave you a code, you can join here.</p>
          <InviteCodeForm />
        </section>
      )}
    </div>
  );
}
