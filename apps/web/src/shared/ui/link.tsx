import type { AnchorHTMLAttributes, MouseEvent } from 'react';
import { navigate, usePathname } from '../lib/router';

interface LinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> {
  to: string;
}

/** In-app link: keeps normal link behaviour (new tab, copy) but navigates without reload. */
export function Link({ to, onClick, ...rest }: LinkProps) {
  const pathname = usePathname();

  function handleClick(event: MouseEvent<HTMLAnchorElement>) {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  }

  return (
    <a
      href={to}
      aria-current={pathname === to ? 'page' : undefined}
      onClick={handleClick}
      {...rest}
    />
  );
}
