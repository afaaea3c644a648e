import { useLocation } from 'react-router';

/** A one-line message handed to the next page in router state (never in the address). */
export function useRouteNotice(): string | undefined {
  const { state } = useLocation();
  const notice = (state as { notice?: unknown } | null)?.notice;
  return typeof notice === 'string' ? notice : undefined;
}
