import { REPORT_CATEGORY_LABELS } from '@kindred/contracts';
import { ErrorState, LoadingState } from '../../../shared/ui/query-state';
import { TimeAgo } from '../../../shared/ui/time-ago';
import { useMyReports } from '../hooks/use-my-moderation';
import { STATUS_LABELS, TARGET_LABELS } from '../lib/labels';

/** The member's own reports and what came of them (never the moderators' private notes). */
export function MyReports() {
  const reports = useMyReports();
  if (reports.isPending) return <LoadingState label="Loading your reports…" />;
  if (reports.isError) return <ErrorState error={reports.error} onRetry={() => void reports.refetch()} />;
  if (reports.data.length === 0) {
    return <p className="muted">You have not reported anything. If something worries you, “Report…” is beside every post and message.</p>;
  }
  return (
    <ul className="item-list">
      {reports.data.map((report) => (
        <li key={report.id} className="item-list__row item-list__row--stacked">
          <p className="item-list__title">
            You reported {TARGET_LABELS[report.targetType] ?? report.targetType}: {REPORT_CATEGORY_LABELS[report.category] ?? report.category}
          </p>
          <p className="muted item-list__meta">
            <TimeAgo iso={report.createdAt} /> · {report.status === 'open' || report.status === 'claimed' ? 'A moderator will look at it' : STATUS_LABELS[report.status]}
          </p>
          {report.outcome && <p className="item-list__text">{report.outcome}</p>}
        </li>
      ))}
    </ul>
  );
}
