import { LoginForm } from '../modules/auth/components/login-form';
import { Link } from '../shared/ui/link';

export function LoginPage() {
  return (
    <>
      <h1>Log in</h1>
      <LoginForm />
      <p>
        New here? <Link to="/register">Create an account</Link>.
      </p>
    </>
  );
}
