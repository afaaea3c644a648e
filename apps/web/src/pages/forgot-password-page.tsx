import { ForgotPasswordForm } from '../modules/auth/components/forgot-password-form';
import { useDocumentTitle } from '../shared/lib/use-document-title';
import { AppLink } from '../shared/ui/app-link';

export function ForgotPasswordPage() {
  useDocumentTitle('Forgot password');
  return (
    <div className="page">
      <h1>Forgot your password?</h1>
      <p className="lead">
        Use your handle and one of the recovery codes you saved when you joined. You will choose a new password, and every
        other device signed in to your account will be signed out.
      </p>
      <ForgotPasswordForm />
      <p className="muted">
        Without a recovery code, Kindred cannot give the account back: there is no email to send a link to. That keeps your
        account from being taken over through someone else’s inbox.
      </p>
      <p>
        Remembered it? <AppLink to="/login">Log in</AppLink>.
      </p>
    </div>
  );
}
