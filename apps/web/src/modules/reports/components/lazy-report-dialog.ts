import { lazyOnOpen } from '../../../shared/ui/lazy-on-open';

/** The report dialog, loaded when a member first opens it (see lazyOnOpen). */
export const LazyReportDialog = lazyOnOpen(() => import('./report-dialog').then((m) => m.ReportDialog));
