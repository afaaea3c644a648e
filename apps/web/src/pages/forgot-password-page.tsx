import { ForgotPasswordForm } from '../modules/auth/components/forgot-password-form';
import { useDocumentTitle } from '../shared/lib/use-document-title';
import { AppLink } from '../shared/ui/app-link';
import { useT } from '../shared/i18n/use-t';
import { T } from '../shared/i18n/t';

export function ForgotPasswordPage() {
  const t = useT();
  useDocumentTitle(t('forgot.documentTitle'));
  return (
    <div className="page">
      <h1>{t('forgot.title')}</h1>
      <p className="lead">{t('forgot.lead')}</p>
      <ForgotPasswordForm />
      <p className="muted">{t('forgot.noEmail')}</p>
      <p>
        <T id="forgot.remembered" components={{ link: <AppLink to="/login" /> }} />
      </p>
    </div>
  );
}
