import { RegisterForm } from '../modules/auth/components/register-form';
import { VisitorLanguagePicker } from '../shared/i18n/visitor-language-picker';
import { useDocumentTitle } from '../shared/lib/use-document-title';
import { AppLink } from '../shared/ui/app-link';
import { useT } from '../shared/i18n/use-t';
import { T } from '../shared/i18n/t';

export function RegisterPage() {
  const t = useT();
  useDocumentTitle(t('register.title'));
  return (
    <div className="page">
      <h1>{t('register.title')}</h1>
      <VisitorLanguagePicker />
      <p className="lead">{t('register.lead')}</p>
      <RegisterForm />
      <p>
        <T id="register.haveAccount" components={{ link: <AppLink to="/login" /> }} />
      </p>
    </div>
  );
}
