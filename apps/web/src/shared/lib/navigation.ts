import { useCallback } from 'react';
import { useNavigate, type NavigateOptions } from 'react-router';

/**
 * Kindred keeps to a single browser-history entry: every in-app navigation replaces the
 * current one. Quick exit then swaps that one entry for a neutral site, so pressing Back
 * afterwards cannot land on an earlier Kindred page. In-page "back to …" links stand in
 * for the browser's Back button.
 */
export const REPLACE_HISTORY = true;

export function useAppNavigate(): (to: string, options?: NavigateOptions) => void {
  const navigate = useNavigate();
  return useCallback(
    (to: string, options: NavigateOptions = {}) => {
      void navigate(to, { replace: REPLACE_HISTORY, ...options });
    },
    [navigate],
  );
}
