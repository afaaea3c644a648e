import type { MouseEvent } from 'react';
import { useEffect, useRef } from 'react';
import { SessionProvider } from '../modules/auth/components/session-provider';
import { QuickExit } from '../modules/safety/components/quick-exit';
import { usePathname } from '../shared/lib/router';
import { renderPage } from './routes';
import { SiteHeader } from './site-header';

export function App() {
  const pathname = usePathname();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // After in-app navigation, move focus to the new content so screen readers announce it.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus();
  }, [pathname]);

  function skipToContent(event: MouseEvent<HTMLAnchorElement>) {
    // Focus directly instead of adding "#main" to the address and history.
    event.preventDefault();
    mainRef.current?.focus();
  }

  return (
    <SessionProvider>
      <a className="skip-link" href="#main" onClick={skipToContent}>
        Skip to content
      </a>
      <QuickExit />
      <SiteHeader />
      <main id="main" ref={mainRef} tabIndex={-1} className="site-main">
        {renderPage(pathname)}
      </main>
    </SessionProvider>
  );
}
