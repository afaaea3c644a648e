import { clearDrafts } from '../../../shared/lib/drafts';
import { entriesSinceLoad } from '../../../shared/lib/navigation';
import { endSessionOnExit } from '../api/exit-api';

/** A neutral, everyday page to land on. Change it here only. */
export const NEUTRAL_EXIT_URL = 'https://www.bbc.com/weather';

/** Longest we wait for the server to end the session before leaving anyway. */
const MAX_WAIT_MS = 300;
/** Longest we wait for the browser to step back to the first Kindred entry. */
const MAX_REWIND_MS = 200;

let leaving = false;
let rewound: Promise<void> = Promise.resolve();

/**
 * Leaves Kindred at once. In-app pages are ordinary history entries, so we first step back
 * to the entry this page started at, then location.replace swaps that one for the neutral
 * site: Back from there goes to wherever the member was before Kindred. Entries are not
 * erased from browser history (we say so honestly at onboarding).
 */
export function quickExit(): void {
  if (leaving) {
    // A second press means "now": do not wait for the server at all.
    void rewound.then(leave);
    return;
  }
  leaving = true;
  // Hide the page immediately so nothing stays on screen while we leave.
  document.documentElement.classList.add('is-exiting');

  const ended = endSessionOnExit();
  clearStorage(window.localStorage);
  clearStorage(window.sessionStorage);
  clearDrafts();
  rewound = rewind();

  const timeout = new Promise<void>((resolve) => window.setTimeout(resolve, MAX_WAIT_MS));
  void Promise.all([rewound, Promise.race([ended, timeout])]).then(leave);
}

function leave(): void {
  window.location.replace(NEUTRAL_EXIT_URL);
}

/** Steps back over the entries this page added; same-document, so nothing reloads. */
function rewind(): Promise<void> {
  const steps = entriesSinceLoad();
  if (steps === 0) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      window.removeEventListener('popstate', done);
      resolve();
    };
    window.addEventListener('popstate', done);
    window.setTimeout(done, MAX_REWIND_MS);
    window.history.go(-steps);
  });
}

function clearStorage(storage: Storage | undefined): void {
  try {
    storage?.clear();
  } catch {
    // Storage can be disabled by the browser; leaving matters more than clearing.
  }
}
