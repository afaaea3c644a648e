import { SecureAccountForm } from '../modules/auth/components/secure-account-form';
import { SessionsSection } from '../modules/auth/components/sessions-section';
import { SignInHistorySection } from '../modules/auth/components/sign-in-history-section';
import { PasskeysSection } from '../modules/passkeys/components/passkeys-section';
import { useDocumentTitle } from '../shared/lib/use-document-title';
import { AppLink } from '../shared/ui/app-link';
import { useT } from '../shared/i18n/use-t';
import type { ReactNode } from 'react';
import type { MessageId } from '../shared/i18n/message-id';

const SECTIONS: { id: string; title: MessageId; body: () => ReactNode }[] = [
  { id: 'safety-devices', title: 'safetyCheck.devices', body: () => <SessionsSection /> },
  { id: 'safety-history', title: 'safetyCheck.history', body: () => <SignInHistorySection /> },
  { id: 'safety-passkeys', title: 'passkeys.safetyCheckTitle', body: () => <PasskeysSection place="safety-check" /> },
  { id: 'safety-secure', title: 'safetyCheck.secure', body: () => <SecureAccountForm /> },
];

/** One calm place to check who can get into the account, and to lock others out. */
export function SafetyCheckPage() {
  const t = useT();
  useDocumentTitle(t('safetyCheck.title'));
  return (
    <div className="page">
      <h1>{t('safetyCheck.title')}</h1>
      <p className="lead">{t('safetyCheck.lead')}</p>
      {SECTIONS.map((section) => (
        <section key={section.id} className="panel settings-section" aria-labelledby={`${section.id}-heading`}>
          <h2 id={`${section.id}-heading`}>{t(section.title)}</h2>
          {section.body()}
        </section>
      ))}
      <p>
        <AppLink to="/settings">{t('safetyCheck.backToSettings')}</AppLink>
      </p>
    </div>
  );
}
