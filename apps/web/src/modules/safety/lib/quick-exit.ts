import { endSessionOnExit } from '../api/exit-api';

/** A neutral, everyday page to land on. Change it here only. */
export const NEUTRAL_EXIT_URL = 'https://www.bbc.com/weather';

/** Longest we wait for the server to end the session before leaving anyway. */
const MAX_WAIT_MS = 300;

let leaving = false;

/**
 * Leaves Kindred at once. location.replace swaps this page out of history so Back does not
 * return here; earlier entries in browser history are not erased (we say so honestly).
 */
export function quickExit(): void {
  if (leaving) {
    // A second press means "now": do not wait for the server at all.
    window.location.replace(NEUTRAL_EXIT_URL);
    return;
  }
  leaving = true;
  // Hide the page immediately so nothing stays on screen while we leave.
  document.documentElement.classList.add('is-exiting');

  const ended = endSessionOnExit();
  clearStorage(window.localStorage);
  clearStorage(window.sessionStorage);

  const timeout = new Promise<void>((resolve) => window.setTimeout(resolve, MAX_WAIT_MS));
  void Promise.race([ended, timeout]).then(() => window.location.replace(NEUTRAL_EXIT_URL));
}

function clearStorage(storage: Storage | undefined): void {
  try {
    storage?.clear();
  } catch {
    // Storage can be disabled by the browser; leaving matters more than clearing.
  }
}
