import { useT } from '../../../shared/i18n/use-t';
import { ErrorState, LoadingState } from '../../../shared/ui/query-state';
import { TimeAgo } from '../../../shared/ui/time-ago';
import { AppealForm } from '../../notifications/components/appeal-form';
import { useMyModerationLog } from '../hooks/use-my-moderation';
import { useDescribeLogAction } from '../lib/labels';

/** Decisions moderators made about the member or their content; restrictions among them can be appealed. */
export function MyDecisions() {
  const t = useT();
  const describe = useDescribeLogAction();
  const log = useMyModerationLog();
  if (log.isPending) return <LoadingState label={t('moderation.mine.loading')} />;
  if (log.isError) return <ErrorState error={log.error} onRetry={() => void log.refetch()} />;
  if (log.data.length === 0) return <p className="muted">{t('moderation.mine.empty')}</p>;
  return (
    <ul className="item-list">
      {log.data.map((entry) => (
        <li key={entry.id} className="item-list__row item-list__row--stacked">
          <p className="item-list__title">{describe(entry.action)}</p>
          <p className="item-list__text">{t('notice.reason', { reason: entry.reason })}</p>
          <p className="muted item-list__meta">
            <TimeAgo iso={entry.createdAt} />
          </p>
          {entry.appealable && <AppealForm logEntryId={entry.id} />}
        </li>
      ))}
    </ul>
  );
}
