import { useEffect, useState } from 'react';

let captured: string | null = null;

/**
 * Reads the one-time setup token from the URL fragment (never the query string, so it is
 * not sent to servers or logged) and removes the fragment from history straight away.
 * Safe to call repeatedly: later calls return the token already captured.
 */
export function takeSetupToken(): string | null {
  const params = new URLSearchParams(window.location.hash.slice(1));
  const token = params.get('token');
  if (token !== null) {
    captured = token.trim() || null;
    const { pathname, search } = window.location;
    window.history.replaceState(window.history.state, '', pathname + search);
  }
  return captured;
}

export function forgetSetupToken(): void {
  captured = null;
}

/**
 * The setup token, also when the link is pasted into a tab that already shows /setup: that
 * only changes the fragment, so the page is not loaded again and must listen for it.
 */
export function useSetupToken(): string | null {
  const [token, setToken] = useState(takeSetupToken);
  useEffect(() => {
    const onHashChange = () => setToken(takeSetupToken());
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  return token;
}
