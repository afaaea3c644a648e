import { useSession } from '../modules/auth/hooks/session-context';
import { Link } from '../shared/ui/link';

export function SiteHeader() {
  const { state } = useSession();
  const signedIn = state.status === 'ready' && state.user !== null;

  return (
    <header className="site-header">
      <Link to="/" className="site-header__brand">
        Kindred
      </Link>
      <nav aria-label="Main" className="site-header__nav">
        <ul>
          <li>
            <Link to="/">Home</Link>
          </li>
          {!signedIn && (
            <>
              <li>
                <Link to="/login">Log in</Link>
              </li>
              <li>
                <Link to="/register">Register</Link>
              </li>
            </>
          )}
        </ul>
      </nav>
    </header>
  );
}
