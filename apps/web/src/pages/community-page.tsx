import { Route, Routes } from 'react-router';
import { CommunityInvites } from '../modules/community/components/community-invites';
import { CommunityRoles } from '../modules/community/components/community-roles';
import { CommunityRooms, ManageRoom, NewRoom } from '../modules/community/components/community-rooms';
import { CommunitySettings } from '../modules/community/components/community-settings';
import { useCommunityAccess } from '../modules/community/hooks/use-community';
import '../modules/community/components/community.css';
import { useT } from '../shared/i18n/use-t';
import { useDocumentTitle } from '../shared/lib/use-document-title';
import { useRouteNotice } from '../shared/lib/route-notice';
import { AppNavLink } from '../shared/ui/app-link';
import { StatusMessage } from '../shared/ui/status-message';
import { LoadingState, UnavailableState } from '../shared/ui/query-state';

/** Running the community: admins see every part, room moderators the screens for their rooms. */
export function CommunityPage() {
  const t = useT();
  const { admin, allowed, ready } = useCommunityAccess();
  const notice = useRouteNotice();
  useDocumentTitle(t('community.title'));
  if (!ready) return <LoadingState label={t('community.loading')} />;
  if (!allowed) return <UnavailableState title={t('community.title')}>{t('community.notAllowed')}</UnavailableState>;
  return (
    <div className="page page--community">
      <h1>{t('community.title')}</h1>
      {admin && (
        <nav aria-label={t('community.sections')} className="community-nav">
          <ul>
            <li>
              <AppNavLink to="/community">
                {t('community.rooms.title')}
              </AppNavLink>
            </li>
            <li>
              <AppNavLink to="/community/roles">{t('community.roles.title')}</AppNavLink>
            </li>
            <li>
              <AppNavLink to="/community/invites">{t('community.invites.title')}</AppNavLink>
            </li>
            <li>
              <AppNavLink to="/community/settings">{t('community.settings.title')}</AppNavLink>
            </li>
          </ul>
        </nav>
      )}
      {notice && <StatusMessage tone="success">{notice}</StatusMessage>}
      <Routes>
        <Route index element={<CommunityRooms />} />
        <Route path="rooms/:slug" element={<ManageRoom />} />
        {admin && (
          <>
            <Route path="rooms/new" element={<NewRoom />} />
            <Route path="roles" element={<CommunityRoles />} />
            <Route path="invites" element={<CommunityInvites />} />
            <Route path="settings" element={<CommunitySettings />} />
          </>
        )}
        <Route path="*" element={<p className="empty-state">{t('community.notAllowed')}</p>} />
      </Routes>
    </div>
  );
}
