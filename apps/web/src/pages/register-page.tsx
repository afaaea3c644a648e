import { RegisterForm } from '../modules/auth/components/register-form';
import { Link } from '../shared/ui/link';

export function RegisterPage() {
  return (
    <>
      <h1>Create an account</h1>
      <p className="lead">Take your time. You only need a handle and a password.</p>
      <RegisterForm />
      <p>
        Already have an account? <Link to="/login">Log in</Link>.
      </p>
    </>
  );
}
