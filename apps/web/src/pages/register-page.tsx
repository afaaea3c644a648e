import { RegisterForm } from '../modules/auth/components/register-form';
import { VisitorLanguagePicker } from '../shared/i18n/visitor-language-picker';
import { useDocumentTitle } from '../shared/lib/use-document-title';
import { AppLink } from '../shared/ui/app-link';

export function RegisterPage() {
  useDocumentTitle('Create an account');
  return (
    <div className="page">
      <h1>Create an account</h1>
      <VisitorLanguagePicker />
      <p className="lead">Take your time. You only need a handle and a password.</p>
      <RegisterForm />
      <p>
        Already have an account? <AppLink to="/login">Log in</AppLink>.
      </p>
    </div>
  );
}
