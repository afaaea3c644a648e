import { lazyOnOpen } from '../../../shared/ui/lazy-on-open';

/** The reason dialog, loaded when a moderator first opens it (see lazyOnOpen); members never load it. */
export const LazyReasonDialog = lazyOnOpen(() => import('./reason-dialog').then((m) => m.ReasonDialog));
