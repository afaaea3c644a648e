import type { SupportSessionView } from '@kindred/contracts';
import { useState } from 'react';
import { useErrorText } from '../../../shared/i18n/error-text';
import { useFormat } from '../../../shared/i18n/format';
import { useT } from '../../../shared/i18n/use-t';
import { useCancelSession, useRsvp } from '../hooks/use-sessions';

/** One session, in the member's own time zone (the browser's), with its RSVP and, for facilitators, who is coming. */
export function SessionCard({ session, canRsvp, headingLevel = 3 }: { session: SupportSessionView; canRsvp: boolean; headingLevel?: 3 | 4 }) {
  const t = useT();
  const format = useFormat();
  const errorText = useErrorText();
  const rsvp = useRsvp(session.roomId);
  const cancel = useCancelSession(session.roomId);
  const [problem, setProblem] = useState('');
  const shown = session.next ?? session.occurrences.at(-1)!;
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const full = session.rsvpCount >= session.capacity && !session.viewer.rsvped;
  const titleId = `session-${session.id}-title`;

  function toggle() {
    setProblem('');
    rsvp.mutate({ sessionId: session.id, going: !session.viewer.rsvped }, { onError: (error) => setProblem(errorText(error)) });
  }

  return (
    <article className="session-card panel" aria-labelledby={titleId}>
      <Heading id={titleId} className="session-card__title">
        {session.title}
      </Heading>
      <p className="session-card__when">
        <time dateTime={shown.startsAt}>{format.dateTime(shown.startsAt)}</time>
        {' · '}
        {t('sessions.duration', { minutes: session.durationMinutes })}
      </p>
      {session.weeks > 1 && <p className="muted">{t('sessions.weekly', { count: session.weeks })}</p>}
      <p className="muted">{t('sessions.facilitatedBy', { handle: session.facilitator.handle })}</p>
      {session.description && <p className="session-card__agenda">{session.description}</p>}
      <p>{t('sessions.places', { taken: session.rsvpCount, capacity: session.capacity })}</p>
      {session.lateJoinMinutes > 0 && <p className="muted">{t('sessions.lateJoin', { minutes: session.lateJoinMinutes })}</p>}
      {session.attendees && (
        <details className="session-card__attendees">
          <summary>{t('sessions.attendees', { count: session.attendees.length })}</summary>
          <ul>
            {session.attendees.map((a) => (
              <li key={a.handle}>{a.handle}</li>
            ))}
          </ul>
          <p className="muted">{t('sessions.attendeesPrivate')}</p>
        </details>
      )}
      {session.cameTo && session.cameTo.length > 0 && (
        <details className="session-card__attendees">
          <summary>{t('sessions.cameTo.summary', { count: session.cameTo.length })}</summary>
          <ul>
            {session.cameTo.map((run) => (
              <li key={run.startsAt}>
                {t('sessions.cameTo.run', { time: format.dateTime(run.startsAt), count: run.handles.length })}
                {run.handles.length > 0 && ` ${run.handles.join(', ')}`}
              </li>
            ))}
          </ul>
          <p className="muted">{t('sessions.cameTo.private')}</p>
        </details>
      )}
      <div className="button-row">
        {canRsvp && session.next && (
          <button type="button" className={session.viewer.rsvped ? 'button' : 'button button--primary'} onClick={toggle} disabled={rsvp.isPending || full} aria-describedby={titleId}>
            {session.viewer.rsvped ? t('sessions.withdraw') : full ? t('sessions.full') : t('sessions.rsvp')}
          </button>
        )}
        {session.viewer.rsvped && <span className="session-card__going">{t('sessions.going')}</span>}
        {session.viewer.canFacilitate && session.next && (
          <button type="button" className="button button--quiet" onClick={() => cancel.mutate(session.id, { onError: (error) => setProblem(errorText(error)) })} disabled={cancel.isPending} aria-describedby={titleId}>
            {t('sessions.cancel')}
          </button>
        )}
      </div>
      <div role="status">{problem && <p className="notice notice--error">{problem}</p>}</div>
    </article>
  );
}
