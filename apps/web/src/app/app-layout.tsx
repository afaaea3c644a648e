import type { MouseEvent } from 'react';
import { Suspense, useEffect, useRef } from 'react';
import { Outlet, useLocation } from 'react-router';
import { QuickExit } from '../modules/safety/components/quick-exit';
import { LoadingState } from '../shared/ui/query-state';
import { SiteHeader } from './site-header';
import { useT } from '../shared/i18n/use-t';

export function AppLayout() {
  const { pathname } = useLocation();
  const t = useT();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // After in-app navigation, move focus to the new content so screen readers announce it
  // and keyboard users start from the top of the page, not from a link that vanished.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    window.scrollTo(0, 0);
    // Without preventScroll a long page would scroll its header out of view.
    mainRef.current?.focus({ preventScroll: true });
  }, [pathname]);

  function skipToContent(event: MouseEvent<HTMLAnchorElement>) {
    // Focus directly instead of adding "#main" to the address and history.
    event.preventDefault();
    mainRef.current?.focus();
  }

  return (
    <>
      <a className="skip-link" href="#main" onClick={skipToContent} data-app-shell="">
        {t('layout.skipToContent')}
      </a>
      {/* Outside the app shell so it stays usable even while a dialog makes the page inert. */}
      <QuickExit />
      <div className="app-shell" data-app-shell="">
        <SiteHeader />
        <main id="main" ref={mainRef} tabIndex={-1} className="site-main">
          <Suspense fallback={<LoadingState label={t('common.loading')} />}>
            <Outlet />
          </Suspense>
        </main>
        <footer className="site-footer">
          <p>{t('layout.notEmergencyCare')}</p>
        </footer>
      </div>
    </>
  );
}
