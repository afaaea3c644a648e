import { useLocation } from 'react-router';

/** A one-line message handed to the next page in router state (never in the address). */
export function useRouteNotice(): string | undefined {
  const { state } = useLocation();
  const notice = (state as { notice?: unknown } | null)?.notice;
  return typeof notice === 'string' ? notice : undefined;
}

/** Set by a page that ended the session on the server (account deletion) before arriving. */
export function useRouteEndsSession(): boolean {
  const { state } = useLocation();
  return (state as { endSession?: unknown } | null)?.endSession === true;
}
