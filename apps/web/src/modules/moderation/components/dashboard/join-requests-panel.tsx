import type { JoinRequestView, RoomSummary } from '@kindred/contracts';
import { useId, useState } from 'react';
import { useErrorText } from '../../../../shared/i18n/error-text';
import { T } from '../../../../shared/i18n/t';
import { useT } from '../../../../shared/i18n/use-t';
import { authorName } from '../../../../shared/i18n/author-name';
import { ErrorState, LoadingState } from '../../../../shared/ui/query-state';
import { TimeAgo } from '../../../../shared/ui/time-ago';
import { useDecideJoinRequest } from '../../hooks/use-moderation';
import type { UseQueryResult } from '@tanstack/react-query';

interface JoinRequestsPanelProps {
  rooms: RoomSummary[];
  requests: UseQueryResult<JoinRequestView[]>[];
  onDecided: (message: string) => void;
}

/** People asking to join rooms this moderator looks after. */
export function JoinRequestsPanel({ rooms, requests, onDecided }: JoinRequestsPanelProps) {
  const t = useT();
  if (rooms.length === 0) return <p className="empty-state">{t('moderation.joins.noRooms')}</p>;
  const total = requests.reduce((sum, r) => sum + (r.data?.length ?? 0), 0);
  return (
    <>
      {total === 0 && requests.every((r) => r.isSuccess) && <p className="empty-state">{t('moderation.joins.none')}</p>}
      {rooms.map((room, index) => {
        const query = requests[index];
        if (!query) return null;
        if (query.isPending) return <LoadingState key={room.id} label={t('moderation.joins.loading', { room: room.name })} />;
        if (query.isError) return <ErrorState key={room.id} error={query.error} onRetry={() => void query.refetch()} />;
        if (query.data.length === 0) return null;
        return (
          <section key={room.id} aria-labelledby={`join-${room.id}`} className="join-requests">
            <h2 id={`join-${room.id}`}>{room.name}</h2>
            <ul className="queue-list">
              {query.data.map((request) => (
                <JoinRequestRow key={request.id} request={request} onDecided={onDecided} />
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}

function JoinRequestRow({ request, onDecided }: { request: JoinRequestView; onDecided: (message: string) => void }) {
  const id = useId();
  const decide = useDecideJoinRequest();
  const [denying, setDenying] = useState(false);
  const [reason, setReason] = useState('');
  const t = useT();
  const handle = authorName(request.user, t);
  const errorText = useErrorText();

  function send(approve: boolean) {
    // Awaited: the row goes away once the list refetches, taking per-call callbacks with it.
    decide
      .mutateAsync({ roomId: request.roomId, requestId: request.id, body: { approve, ...(!approve && reason.trim() ? { reason: reason.trim() } : {}) } })
      .then(() => onDecided(t(approve ? 'moderation.joins.approved' : 'moderation.joins.declined', { handle })))
      .catch(() => undefined);
  }

  return (
    <li className="join-request">
      <p className="queue-list__text">
        <strong>{handle}</strong>{' '}
        <span className="muted">
          <T id="moderation.joins.asked" components={{ time: <TimeAgo iso={request.createdAt} /> }} />
        </span>
      </p>
      {request.message ? <p className="queue-item__body">{request.message}</p> : <p className="muted">{t('moderation.joins.noNote')}</p>}
      {denying ? (
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            send(false);
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-reason`} className="field__label field__label--small">
              {t('reasons.label')} <span className="field__optional">{t('moderation.joins.reasonOptional')}</span>
            </label>
            <input id={`${id}-reason`} className="field__input" value={reason} maxLength={500} onChange={(event) => setReason(event.target.value)} />
          </div>
          <button type="submit" className="button button--small" disabled={decide.isPending}>
            {t('moderation.joins.decline')}
          </button>
          <button type="button" className="button button--small button--quiet" onClick={() => setDenying(false)}>
            {t('common.cancel')}
          </button>
        </form>
      ) : (
        <div className="button-row button-row--tight">
          <button type="button" className="button button--small button--primary" disabled={decide.isPending} onClick={() => send(true)}>
            {t('moderation.joins.approve')}
            <span className="visually-hidden"> {handle}</span>
          </button>
          <button type="button" className="button button--small" onClick={() => setDenying(true)}>
            {t('moderation.joins.declineMore')}
            <span className="visually-hidden"> {handle}</span>
          </button>
        </div>
      )}
      {decide.isError && (
        <p className="field__error" role="alert">
          {errorText(decide.error)}
        </p>
      )}
    </li>
  );
}
