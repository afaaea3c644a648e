import type { MyReportView } from '@kindred/contracts';
import { T } from '../../../shared/i18n/t';
import { useT } from '../../../shared/i18n/use-t';
import { AppLink } from '../../../shared/ui/app-link';
import { ErrorState, LoadingState } from '../../../shared/ui/query-state';
import { TimeAgo } from '../../../shared/ui/time-ago';
import { useMyReports } from '../../reports/hooks/use-my-reports';
import { REPORT_CATEGORY, REPORT_STATUS, REPORTED_TARGET } from '../lib/labels';

/** The member's own reports and what came of them (never the moderators' private notes). */
export function MyReports() {
  const t = useT();
  const reports = useMyReports();
  if (reports.isPending) return <LoadingState label={t('moderation.myReports.loading')} />;
  if (reports.isError) return <ErrorState error={reports.error} onRetry={() => void reports.refetch()} />;
  if (reports.data.length === 0) return <p className="muted">{t('moderation.myReports.empty')}</p>;
  return (
    <ul className="item-list">
      {reports.data.map((report) => (
        <li key={report.id} className="item-list__row item-list__row--stacked">
          <p className="item-list__title">
            {t('moderation.myReports.title', {
              target: REPORTED_TARGET[report.targetType] ? t(REPORTED_TARGET[report.targetType]) : report.targetType,
              category: REPORT_CATEGORY[report.category] ? t(REPORT_CATEGORY[report.category]) : report.category,
            })}
          </p>
          <ReportPlaceLine report={report} />
          <p className="muted item-list__meta">
            <TimeAgo iso={report.createdAt} /> · {t(REPORT_STATUS[report.status])}
          </p>
          <Outcome report={report} />
        </li>
      ))}
    </ul>
  );
}

/** What came of it, worded here from its code; a moderator's own words are shown as written. */
function Outcome({ report }: { report: MyReportView }) {
  const t = useT();
  const outcome = report.outcomeCode;
  if (!outcome) return report.outcome ? <p className="item-list__text">{report.outcome}</p> : null;
  const text = outcome.outcome === 'message' ? outcome.message : t(outcome.outcome === 'no-action' ? 'notice.report.noAction' : 'notice.report.actioned');
  return <p className="item-list__text">{text}</p>;
}

/** Where the reported item was, named only as far as the reporter can still see it. */
function ReportPlaceLine({ report }: { report: MyReportView }) {
  const t = useT();
  const { place, targetType } = report;
  if (targetType === 'member') return null;
  let where;
  if (!place) where = t('moderation.myReports.placeGone');
  else if (targetType === 'message') where = t('moderation.myReports.placeChat', { room: place.roomName });
  else if (!place.thread) where = t('moderation.myReports.placeThreadGone', { room: place.roomName });
  else {
    const thread = place.thread;
    where = <T id="moderation.myReports.placeThread" values={{ room: place.roomName, title: thread.title }} components={{ link: <AppLink to={`/threads/${thread.id}`} /> }} />;
  }
  return <p className="item-list__meta">{where}</p>;
}
