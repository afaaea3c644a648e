import { useCallback } from 'react';
import { useNavigate, type NavigateOptions } from 'react-router';

/**
 * In-app navigation adds history entries as any site does, so the browser's Back button
 * stays inside Kindred. Pass `{ replace: true }` where going back would only show a page
 * that no longer applies (a form already sent, a thread just deleted). Quick exit deals
 * with these entries itself (see safety/lib/quick-exit.ts).
 */
export function useAppNavigate(): (to: string, options?: NavigateOptions) => void {
  const navigate = useNavigate();
  return useCallback(
    (to: string, options: NavigateOptions = {}) => {
      void navigate(to, options);
    },
    [navigate],
  );
}

/** React Router numbers the entries it creates in history.state.idx (0 for a fresh page). */
function routerIndex(): number {
  const idx = (window.history.state as { idx?: unknown } | null)?.idx;
  return typeof idx === 'number' && Number.isInteger(idx) && idx > 0 ? idx : 0;
}

// The index this document started at. Entries from here on were pushed by this very
// document, so travelling back to it never reloads anything.
const documentStartIndex = routerIndex();

/** How many history entries this page has added since it was loaded. */
export function entriesSinceLoad(): number {
  return Math.max(0, routerIndex() - documentStartIndex);
}
