import { LoginForm } from '../modules/auth/components/login-form';
import { useRouteNotice } from '../shared/lib/route-notice';
import { VisitorLanguagePicker } from '../shared/i18n/visitor-language-picker';
import { useDocumentTitle } from '../shared/lib/use-document-title';
import { AppLink } from '../shared/ui/app-link';
import { StatusMessage } from '../shared/ui/status-message';
import { useT } from '../shared/i18n/use-t';
import { T } from '../shared/i18n/t';

export function LoginPage() {
  const t = useT();
  useDocumentTitle(t('header.logIn'));
  const notice = useRouteNotice();
  return (
    <div className="page">
      <h1>{t('header.logIn')}</h1>
      <VisitorLanguagePicker />
      {notice && <StatusMessage>{notice}</StatusMessage>}
      <LoginForm />
      <p>
        <AppLink to="/forgot-password">{t('forgot.title')}</AppLink>
      </p>
      <p>
        <T id="login.newHere" components={{ start: <AppLink to="/welcome" />, register: <AppLink to="/register" /> }} />
      </p>
    </div>
  );
}
