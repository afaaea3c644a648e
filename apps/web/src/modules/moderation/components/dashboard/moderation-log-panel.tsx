import type { AuthorView, RoomSummary } from '@kindred/contracts';
import { useId, useState } from 'react';
import { useT } from '../../../../shared/i18n/use-t';
import { useAuthorName } from '../../../../shared/i18n/author-name';
import { ErrorState, LoadingState } from '../../../../shared/ui/query-state';
import { TimeAgo } from '../../../../shared/ui/time-ago';
import type { LogFilters } from '../../api/moderation-api';
import { useModerationLog } from '../../hooks/use-moderation';
import { useDescribeLogAction, LOG_ACTION_FILTERS } from '../../lib/labels';

/** Dates from <input type="date"> as the start (or end) of that day, local time. */
function dayBoundary(date: string, end: boolean): string | undefined {
  if (!date) return undefined;
  const d = new Date(`${date}T${end ? '23:59:59.999' : '00:00:00'}`);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/** Append-only record of every decision, filterable and paged. */
export function ModerationLogPanel({ rooms }: { rooms: RoomSummary[] }) {
  const describeAction = useDescribeLogAction();
  const t = useT();
  const nameOf = useAuthorName();
  const id = useId();
  const [room, setRoom] = useState('');
  const [action, setAction] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [moderator, setModerator] = useState<AuthorView | null>(null);
  const [member, setMember] = useState<AuthorView | null>(null);
  const filters: LogFilters = {
    ...(room ? { room } : {}),
    ...(action ? { action } : {}),
    ...(moderator ? { moderator: moderator.id } : {}),
    ...(member ? { member: member.id } : {}),
    ...(dayBoundary(from, false) ? { from: dayBoundary(from, false) } : {}),
    ...(dayBoundary(to, true) ? { to: dayBoundary(to, true) } : {}),
  };
  const log = useModerationLog(filters);
  const roomNames = new Map(rooms.map((r) => [r.id, r.name]));
  const entries = log.data?.pages.flatMap((page) => page.entries) ?? [];

  return (
    <>
      <form className="log-filters" onSubmit={(event) => event.preventDefault()} aria-label={t('moderation.log.filters')}>
        <div className="field">
          <label htmlFor={`${id}-room`} className="field__label field__label--small">
            {t('moderation.log.room')}
          </label>
          <select id={`${id}-room`} className="field__input" value={room} onChange={(event) => setRoom(event.target.value)}>
            <option value="">{t('moderation.log.allRooms')}</option>
            {rooms.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-action`} className="field__label field__label--small">
            {t('moderation.log.action')}
          </label>
          <select id={`${id}-action`} className="field__input" value={action} onChange={(event) => setAction(event.target.value)}>
            <option value="">{t('moderation.log.anyAction')}</option>
            {LOG_ACTION_FILTERS.map((a) => (
              <option key={a} value={a}>
                {describeAction(a)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-from`} className="field__label field__label--small">
            {t('moderation.log.from')}
          </label>
          <input id={`${id}-from`} type="date" className="field__input" value={from} onChange={(event) => setFrom(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`} className="field__label field__label--small">
            {t('moderation.log.to')}
          </label>
          <input id={`${id}-to`} type="date" className="field__input" value={to} onChange={(event) => setTo(event.target.value)} />
        </div>
      </form>
      {(moderator || member) && (
        <ul className="log-chips" aria-label={t('moderation.log.alsoFiltered')}>
          {moderator && (
            <li>
              <button type="button" className="button button--small button--quiet" onClick={() => setModerator(null)}>
                {t('moderation.log.byModerator', { handle: nameOf(moderator) })} <span aria-hidden="true">×</span>
                <span className="visually-hidden"> {t('moderation.log.removeFilter')}</span>
              </button>
            </li>
          )}
          {member && (
            <li>
              <button type="button" className="button button--small button--quiet" onClick={() => setMember(null)}>
                {t('moderation.log.aboutMember', { handle: nameOf(member) })} <span aria-hidden="true">×</span>
                <span className="visually-hidden"> {t('moderation.log.removeFilter')}</span>
              </button>
            </li>
          )}
        </ul>
      )}
      {log.isPending ? (
        <LoadingState label={t('moderation.log.loading')} />
      ) : log.isError ? (
        <ErrorState error={log.error} onRetry={() => void log.refetch()} />
      ) : entries.length === 0 ? (
        <p className="empty-state">{t('moderation.log.empty')}</p>
      ) : (
        <ol className="log-list" aria-label={t('moderation.log.entries')} aria-busy={log.isPlaceholderData}>
          {entries.map((entry) => (
            <li key={entry.id} className="log-entry">
              <p className="log-entry__head">
                <strong>{describeAction(entry.action)}</strong>
                {entry.roomId && roomNames.get(entry.roomId) && <span className="muted"> · {roomNames.get(entry.roomId)}</span>}
                <span className="muted">
                  {' '}
                  · <TimeAgo iso={entry.createdAt} />
                </span>
              </p>
              <p className="log-entry__reason">{entry.reason}</p>
              <p className="log-entry__people">
                {t('moderation.log.by')}{' '}
                <button type="button" className="link-button" onClick={() => setModerator(entry.actor)}>
                  {nameOf(entry.actor)}
                  <span className="visually-hidden"> {t('moderation.log.onlyTheirs')}</span>
                </button>
                {entry.subject && (
                  <>
                    {' '}
                    · {t('moderation.log.about')}{' '}
                    <button type="button" className="link-button" onClick={() => setMember(entry.subject)}>
                      {nameOf(entry.subject)}
                      <span className="visually-hidden"> {t('moderation.log.onlyAbout')}</span>
                    </button>
                  </>
                )}
              </p>
            </li>
          ))}
        </ol>
      )}
      {log.hasNextPage && (
        <button type="button" className="button" onClick={() => void log.fetchNextPage()} disabled={log.isFetchingNextPage}>
          {t(log.isFetchingNextPage ? 'common.loading' : 'moderation.log.older')}
        </button>
      )}
    </>
  );
}
