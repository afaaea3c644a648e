import { DeleteAccount } from '../modules/account/components/delete-account';
import { ExportData } from '../modules/account/components/export-data';
import { LanguageSetting } from '../modules/account/components/language-setting';
import { PrivacySettings } from '../modules/account/components/privacy-settings';
import { MyDecisions } from '../modules/moderation/components/my-decisions';
import { MyReports } from '../modules/moderation/components/my-reports';
import { ChangePasswordForm } from '../modules/auth/components/change-password-form';
import { RecoveryCodesSection } from '../modules/auth/components/recovery-codes-section';
import { TwoStepSection } from '../modules/auth/components/two-step-section';
import { LogoutEverywhere } from '../modules/auth/components/logout-everywhere';
import { SessionsSection } from '../modules/auth/components/sessions-section';
import { PasskeysSection } from '../modules/passkeys/components/passkeys-section';
import { PreferencesSection } from '../modules/content-warnings/components/preferences-section';
import { BlockedMembers } from '../modules/safety/components/blocked-members';
import { T } from '../shared/i18n/t';
import { useRouteNotice } from '../shared/lib/route-notice';
import { useDocumentTitle } from '../shared/lib/use-document-title';
import { AppLink } from '../shared/ui/app-link';
import { StatusMessage } from '../shared/ui/status-message';

const SECTIONS = [
  { id: 'language', title: 'Language', body: () => <LanguageSetting /> },
  { id: 'what-you-see', title: 'What you see', body: () => <PreferencesSection /> },
  { id: 'privacy', title: 'Presence, typing and mentions', body: () => <PrivacySettings /> },
  { id: 'blocked', title: 'Blocked members', body: () => <BlockedMembers /> },
  { id: 'reports', title: 'Your reports', body: () => <MyReports /> },
  { id: 'decisions', title: 'Moderator decisions about you', body: () => <MyDecisions /> },
  { id: 'devices', title: 'Devices and sessions', body: () => <SessionsSection /> },
  { id: 'password', title: 'Password', body: () => <ChangePasswordForm /> },
  { id: 'two-step', title: 'Two-step sign-in', body: () => <TwoStepSection /> },
  { id: 'passkeys', title: <T id="passkeys.title" />, body: () => <PasskeysSection place="settings" /> },
  { id: 'recovery-codes', title: 'Recovery codes', body: () => <RecoveryCodesSection /> },
  { id: 'everywhere', title: 'Log out everywhere', body: () => <LogoutEverywhere /> },
  { id: 'data', title: 'Your data', body: () => <ExportData /> },
  { id: 'delete', title: 'Delete your account', body: () => <DeleteAccount /> },
];

/** Jumps to a section without adding a "#" to the address or an entry to history. */
function goTo(id: string) {
  const heading = document.getElementById(`${id}-heading`);
  heading?.focus({ preventScroll: true });
  heading?.scrollIntoView({ block: 'start' });
}

export function SettingsPage() {
  useDocumentTitle('Settings');
  const notice = useRouteNotice();
  return (
    <div className="page">
      <h1>Settings</h1>
      {notice && <StatusMessage>{notice}</StatusMessage>}
      <p>
        Worried someone else can get into your account? <AppLink to="/settings/safety">Open the safety check</AppLink>.
      </p>
      <nav aria-label="Settings sections" className="settings-toc">
        <ul>
          {SECTIONS.map((section) => (
            <li key={section.id}>
              <button type="button" className="link-button" onClick={() => goTo(section.id)}>
                {section.title}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      {SECTIONS.map((section) => (
        <section key={section.id} className="panel settings-section" aria-labelledby={`${section.id}-heading`}>
          <h2 id={`${section.id}-heading`} tabIndex={-1}>
            {section.title}
          </h2>
          {section.body()}
        </section>
      ))}
    </div>
  );
}
