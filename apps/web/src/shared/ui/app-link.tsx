import { Link, NavLink, type LinkProps, type NavLinkProps } from 'react-router';
import { REPLACE_HISTORY } from '../lib/navigation';

/** In-app link that replaces the history entry (see navigation.ts for why). */
export function AppLink(props: LinkProps) {
  return <Link replace={REPLACE_HISTORY} {...props} />;
}

/** Navigation link that marks the current page with aria-current. */
export function AppNavLink(props: NavLinkProps) {
  return <NavLink replace={REPLACE_HISTORY} end {...props} />;
}
