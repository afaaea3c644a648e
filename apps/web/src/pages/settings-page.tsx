import { ChangePasswordForm } from '../modules/auth/components/change-password-form';
import { LogoutEverywhere } from '../modules/auth/components/logout-everywhere';
import { SessionsSection } from '../modules/auth/components/sessions-section';
import { PreferencesSection } from '../modules/content-warnings/components/preferences-section';
import { BlockedMembers } from '../modules/safety/components/blocked-members';
import { useRouteNotice } from '../shared/lib/route-notice';
import { useDocumentTitle } from '../shared/lib/use-document-title';
import { StatusMessage } from '../shared/ui/status-message';

const SECTIONS = [
  { id: 'what-you-see', title: 'What you see', body: () => <PreferencesSection /> },
  { id: 'blocked', title: 'Blocked members', body: () => <BlockedMembers /> },
  { id: 'devices', title: 'Devices and sessions', body: () => <SessionsSection /> },
  { id: 'password', title: 'Password', body: () => <ChangePasswordForm /> },
  { id: 'everywhere', title: 'Log out everywhere', body: () => <LogoutEverywhere /> },
];

export function SettingsPage() {
  useDocumentTitle('Settings');
  const notice = useRouteNotice();
  return (
    <div className="page">
      <h1>Settings</h1>
      {notice && <StatusMessage>{notice}</StatusMessage>}
      {SECTIONS.map((section) => (
        <section key={section.id} className="panel settings-section" aria-labelledby={`${section.id}-heading`}>
          <h2 id={`${section.id}-heading`}>{section.title}</h2>
          {section.body()}
        </section>
      ))}
    </div>
  );
}
