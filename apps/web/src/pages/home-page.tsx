import { useEffect } from 'react';
import { useSession } from '../modules/auth/hooks/use-session';
import { DemoNotice } from '../modules/community/components/demo-notice';
import { InviteCodeForm } from '../modules/rooms/components/invite-code-form';
import { RoomDirectory } from '../modules/rooms/components/room-directory';
import { useRouteEndsSession, useRouteNotice } from '../shared/lib/route-notice';
import { useDocumentTitle } from '../shared/lib/use-document-title';
import { AppLink } from '../shared/ui/app-link';
import { LoadingState } from '../shared/ui/query-state';
import { StatusMessage } from '../shared/ui/status-message';
import { useT } from '../shared/i18n/use-t';
import { T } from '../shared/i18n/t';

/** "Welcome back" would be wrong on the day someone joins. */
const NEW_ACCOUNT_MS = 24 * 3_600_000;

function isNewAccount(createdAt: string): boolean {
  return Date.now() - Date.parse(createdAt) < NEW_ACCOUNT_MS;
}

export function HomePage() {
  const t = useT();
  useDocumentTitle(t('home.title'));
  const { state, user, setUser } = useSession();
  const notice = useRouteNotice();
  const endSession = useRouteEndsSession();

  // After deleting an account the server has already ended the session; forget it here too.
  useEffect(() => {
    if (endSession && user) setUser(null);
  }, [endSession, user, setUser]);

  if (state.status === 'loading') return <LoadingState label={t('common.loading')} />;

  return (
    <div className="page">
      {user ? (
        <>
          <h1>{t('home.title')}</h1>
          <p className="lead">
            {t(isNewAccount(user.createdAt) ? 'home.welcomeNew' : 'home.welcomeBack', { handle: user.handle })}
          </p>
        </>
      ) : (
        <>
          <h1>{t('home.visitorTitle')}</h1>
          <p className="lead">{t('home.visitorLead')}</p>
          <p className="button-row">
            <AppLink to="/welcome" className="button button--primary">
              {t('header.startHere')}
            </AppLink>
            <AppLink to="/login" className="button">
              {t('header.logIn')}
            </AppLink>
          </p>
          <aside className="notice" aria-labelledby="quick-exit-note">
            <h2 id="quick-exit-note" className="notice__title">
              {t('home.leavingQuickly')}
            </h2>
            <p>
              <T id="home.leavingQuicklyBody" components={{ kbd: <kbd /> }} />
            </p>
          </aside>
        </>
      )}
      {notice && <StatusMessage tone="success">{notice}</StatusMessage>}
      <DemoNotice />
      {!user && <h2>{t('home.title')}</h2>}
      <RoomDirectory signedIn={!!user} />
      {user && (
        <section aria-labelledby="invite-heading" className="panel">
          <h2 id="invite-heading">{t('home.inviteTitle')}</h2>
          <p>{t('home.inviteBody')}</p>
          <InviteCodeForm />
        </section>
      )}
    </div>
  );
}
