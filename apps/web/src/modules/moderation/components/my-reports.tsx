import type { MyReportView } from '@kindred/contracts';
import { REPORT_CATEGORY_LABELS } from '@kindred/contracts';
import { AppLink } from '../../../shared/ui/app-link';
import { ErrorState, LoadingState } from '../../../shared/ui/query-state';
import { TimeAgo } from '../../../shared/ui/time-ago';
import { useMyReports } from '../../reports/hooks/use-my-reports';
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
          <ReportPlaceLine report={report} />
          <p className="muted item-list__meta">
            <TimeAgo iso={report.createdAt} /> · {report.status === 'open' || report.status === 'claimed' ? 'A moderator will look at it' : STATUS_LABELS[report.status]}
          </p>
          {report.outcome && <p className="item-list__text">{report.outcome}</p>}
        </li>
      ))}
    </ul>
  );
}

/** Where the reported item was, named only as far as the reporter can still see it. */
function ReportPlaceLine({ report }: { report: MyReportView }) {
  const { place, targetType } = report;
  if (targetType === 'member') return null;
  let where;
  if (!place) where = 'In a room you can no longer open';
  else if (targetType === 'message') where = `In the live chat of ${place.roomName}`;
  else if (!place.thread) where = `In a thread in ${place.roomName} that you can no longer open`;
  else {
    where = (
      <>
        In <AppLink to={`/threads/${place.thread.id}`}>{place.thread.title}</AppLink> · {place.roomName}
      </>
    );
  }
  return <p className="item-list__meta">{where}</p>;
}
