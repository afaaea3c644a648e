import { DeleteAccount } from '../modules/account/components/delete-account';
import { ExportData } from '../modules/account/components/export-data';
import { LanguageSetting } from '../modules/account/components/language-setting';
import { PrivacySettings } from '../modules/account/components/privacy-settings';
import { MyDecisions } from '../modules/moderation/components/my-decisions';
import { MyReports } from '../modules/moderation/components/my-reports';
import { NotificationSettingsSection } from '../modules/notifications/components/notification-settings';
import { ChangePasswordForm } from '../modules/auth/components/change-password-form';
import { RecoveryCodesSection } from '../modules/auth/components/recovery-codes-section';
import { TwoStepSection } from '../modules/auth/components/two-step-section';
import { LogoutEverywhere } from '../modules/auth/components/logout-everywhere';
import { SessionsSection } from '../modules/auth/components/sessions-section';
import { PasskeysSection } from '../modules/passkeys/components/passkeys-section';
import { PreferencesSection } from '../modules/content-warnings/components/preferences-section';
import { CountrySetting } from '../modules/crisis-resources/components/country-setting';
import { BlockedMembers } from '../modules/safety/components/blocked-members';
import { MyFilters } from '../modules/safety/components/my-filters';
import { useRouteNotice } from '../shared/lib/route-notice';
import { useDocumentTitle } from '../shared/lib/use-document-title';
import { AppLink } from '../shared/ui/app-link';
import { StatusMessage } from '../shared/ui/status-message';
import { useT } from '../shared/i18n/use-t';
import { T } from '../shared/i18n/t';
import type { ReactNode } from 'react';
import type { MessageId } from '../shared/i18n/message-id';

const SECTIONS: { id: string; title: MessageId; body: () => ReactNode }[] = [
  { id: 'language', title: 'language.label', body: () => <LanguageSetting /> },
  { id: 'country', title: 'settings.country', body: () => <CountrySetting /> },
  { id: 'what-you-see', title: 'settings.whatYouSee', body: () => <PreferencesSection /> },
  { id: 'filters', title: 'settings.filters', body: () => <MyFilters /> },
  { id: 'privacy', title: 'settings.privacy', body: () => <PrivacySettings /> },
  { id: 'notifications', title: 'settings.notifications', body: () => <NotificationSettingsSection /> },
  { id: 'blocked', title: 'settings.blocked', body: () => <BlockedMembers /> },
  { id: 'reports', title: 'settings.reports', body: () => <MyReports /> },
  { id: 'decisions', title: 'settings.decisions', body: () => <MyDecisions /> },
  { id: 'devices', title: 'settings.devices', body: () => <SessionsSection /> },
  { id: 'password', title: 'settings.password', body: () => <ChangePasswordForm /> },
  { id: 'two-step', title: 'settings.twoStep', body: () => <TwoStepSection /> },
  { id: 'passkeys', title: 'passkeys.title', body: () => <PasskeysSection place="settings" /> },
  { id: 'recovery-codes', title: 'settings.recoveryCodes', body: () => <RecoveryCodesSection /> },
  { id: 'everywhere', title: 'settings.everywhere', body: () => <LogoutEverywhere /> },
  { id: 'data', title: 'settings.data', body: () => <ExportData /> },
  { id: 'delete', title: 'settings.delete', body: () => <DeleteAccount /> },
];

/** Jumps to a section without adding a "#" to the address or an entry to history. */
function goTo(id: string) {
  const heading = document.getElementById(`${id}-heading`);
  heading?.focus({ preventScroll: true });
  heading?.scrollIntoView({ block: 'start' });
}

export function SettingsPage() {
  const t = useT();
  useDocumentTitle(t('header.settings'));
  const notice = useRouteNotice();
  return (
    <div className="page">
      <h1>{t('header.settings')}</h1>
      {notice && <StatusMessage>{notice}</StatusMessage>}
      <p>
        <T id="settings.worried" components={{ link: <AppLink to="/settings/safety" /> }} />
      </p>
      <nav aria-label={t('settings.sections')} className="settings-toc">
        <ul>
          {SECTIONS.map((section) => (
            <li key={section.id}>
              <button type="button" className="link-button" onClick={() => goTo(section.id)}>
                {t(section.title)}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      {SECTIONS.map((section) => (
        <section key={section.id} className="panel settings-section" aria-labelledby={`${section.id}-heading`}>
          <h2 id={`${section.id}-heading`} tabIndex={-1}>
            {t(section.title)}
          </h2>
          {section.body()}
        </section>
      ))}
    </div>
  );
}
