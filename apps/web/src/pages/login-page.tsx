import { LoginForm } from '../modules/auth/components/login-form';
import { useRouteNotice } from '../shared/lib/route-notice';
import { VisitorLanguagePicker } from '../shared/i18n/visitor-language-picker';
import { useDocumentTitle } from '../shared/lib/use-document-title';
import { AppLink } from '../shared/ui/app-link';
import { StatusMessage } from '../shared/ui/status-message';

export function LoginPage() {
  useDocumentTitle('Log in');
  const notice = useRouteNotice();
  return (
    <div className="page">
      <h1>Log in</h1>
      <VisitorLanguagePicker />
      {notice && <StatusMessage>{notice}</StatusMessage>}
      <LoginForm />
      <p>
        <AppLink to="/forgot-password">Forgot your password?</AppLink>
      </p>
      <p>
        New here? <AppLink to="/welcome">Start here</AppLink> or <AppLink to="/register">create an account</AppLink>.
      </p>
    </div>
  );
}
