import { Link, NavLink, type LinkProps, type NavLinkProps } from 'react-router';

/** In-app link: an ordinary history entry, so Back returns to where the member was. */
export function AppLink(props: LinkProps) {
  return <Link {...props} />;
}

/** Navigation link that marks the current page with aria-current. */
export function AppNavLink(props: NavLinkProps) {
  return <NavLink end {...props} />;
}
