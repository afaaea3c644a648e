import { SecureAccountForm } from '../modules/auth/components/secure-account-form';
import { SessionsSection } from '../modules/auth/components/sessions-section';
import { SignInHistorySection } from '../modules/auth/components/sign-in-history-section';
import { PasskeysSection } from '../modules/passkeys/components/passkeys-section';
import { T } from '../shared/i18n/t';
import { useDocumentTitle } from '../shared/lib/use-document-title';
import { AppLink } from '../shared/ui/app-link';

const SECTIONS = [
  { id: 'safety-devices', title: 'Where you are signed in', body: () => <SessionsSection /> },
  { id: 'safety-history', title: 'Recent sign-ins', body: () => <SignInHistorySection /> },
  { id: 'safety-passkeys', title: <T id="passkeys.safetyCheckTitle" />, body: () => <PasskeysSection place="safety-check" /> },
  { id: 'safety-secure', title: 'Someone else may know my password', body: () => <SecureAccountForm /> },
];

/** One calm place to check who can get into the account, and to lock others out. */
export function SafetyCheckPage() {
  useDocumentTitle('Safety check');
  return (
    <div className="page">
      <h1>Safety check</h1>
      <p className="lead">Check where your account is used, and lock out anyone who should not be there.</p>
      {SECTIONS.map((section) => (
        <section key={section.id} className="panel settings-section" aria-labelledby={`${section.id}-heading`}>
          <h2 id={`${section.id}-heading`}>{section.title}</h2>
          {section.body()}
        </section>
      ))}
      <p>
        <AppLink to="/settings">Back to settings</AppLink>
      </p>
    </div>
  );
}
