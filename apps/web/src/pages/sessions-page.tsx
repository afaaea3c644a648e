import { useState } from 'react';
import { useParams } from 'react-router';
import { RoomUnavailable } from '../modules/rooms/components/room-unavailable';
import { useRoom } from '../modules/rooms/hooks/use-rooms';
import { CALENDAR_FILE_URL } from '../modules/support-sessions/api/sessions-api';
import { ScheduleSessionForm } from '../modules/support-sessions/components/schedule-session-form';
import { SessionCard } from '../modules/support-sessions/components/session-card';
import { useRoomSessions } from '../modules/support-sessions/hooks/use-sessions';
import '../modules/support-sessions/components/sessions.css';
import { useT } from '../shared/i18n/use-t';
import { useDocumentTitle } from '../shared/lib/use-document-title';
import { AppLink } from '../shared/ui/app-link';
import { ErrorState, LoadingState } from '../shared/ui/query-state';
import { StatusMessage } from '../shared/ui/status-message';

/** A room's scheduled support sessions: upcoming and past, in the member's own time zone. */
export function SessionsPage() {
  const t = useT();
  useDocumentTitle(t('sessions.documentTitle'));
  const { slug } = useParams();
  const room = useRoom(slug);
  const sessions = useRoomSessions(room.data?.id, !!room.data);
  const [notice, setNotice] = useState('');

  if (room.isPending) return <div className="page"><LoadingState label={t('sessions.loading')} /></div>;
  if (room.isError) return <RoomUnavailable error={room.error} onRetry={() => void room.refetch()} />;
  const r = room.data;

  return (
    <div className="page sessions-page">
      <p className="back-link">
        <AppLink to={`/rooms/${r.slug}`}>{t('sessions.backToRoom', { room: r.name })}</AppLink>
      </p>
      <h1>{t('sessions.heading', { room: r.name })}</h1>
      <p className="muted">{t('sessions.intro')}</p>
      {notice && <StatusMessage tone="success">{notice}</StatusMessage>}
      <p>
        <a className="button button--small" href={CALENDAR_FILE_URL} download="kindred-sessions.ics">
          {t('sessions.calendarFile')}
        </a>
      </p>
      {r.viewer.canModerate && (
        <details className="panel schedule-panel">
          <summary>{t('sessions.scheduleHeading')}</summary>
          <ScheduleSessionForm roomId={r.id} onScheduled={(title) => setNotice(t('sessions.scheduled', { title }))} />
        </details>
      )}
      {sessions.isPending && <LoadingState label={t('sessions.loading')} />}
      {sessions.isError && <ErrorState error={sessions.error} onRetry={() => void sessions.refetch()} />}
      {sessions.data && (
        <>
          <section aria-labelledby="upcoming-heading">
            <h2 id="upcoming-heading">{t('sessions.upcoming')}</h2>
            {sessions.data.upcoming.length === 0 ? (
              <p className="muted">{t('sessions.noneUpcoming')}</p>
            ) : (
              <div className="session-list">
                {sessions.data.upcoming.map((s) => (
                  <SessionCard key={s.id} session={s} canRsvp={r.viewer.isMember} />
                ))}
              </div>
            )}
          </section>
          <section aria-labelledby="past-heading">
            <h2 id="past-heading">{t('sessions.past')}</h2>
            {sessions.data.past.length === 0 ? (
              <p className="muted">{t('sessions.nonePast')}</p>
            ) : (
              <div className="session-list">
                {sessions.data.past.map((s) => (
                  <SessionCard key={s.id} session={s} canRsvp={false} />
                ))}
              </div>
            )}
          </section>
        </>
      )}
    </div>
  );
}
