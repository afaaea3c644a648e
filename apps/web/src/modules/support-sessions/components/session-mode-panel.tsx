import { CHECK_IN_WORD_MAX_LENGTH, SessionClientEvent, SessionPhase, type CheckInEntry, type CheckInRound, type SessionModeView } from '@kindred/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useCallback, useEffect, useState } from 'react';
import { PauseDialog } from '../../safety/components/pause-button';
import { refusalText } from '../../chat/lib/describe';
import { useFormat } from '../../../shared/i18n/format';
import { useT } from '../../../shared/i18n/use-t';
import { isRefusal, requestOrRefusal } from '../../../shared/realtime/socket-request';
import { useRealtimeConnection, useSocketEvent } from '../../../shared/realtime/use-realtime';
import { fetchLiveSession } from '../api/sessions-api';
import './sessions.css';

const liveKey = (roomId: string) => ['support-session-live', roomId] as const;
const ONE_WORD = /^\p{L}[\p{L}\p{M}'’-]*$/u;
const PAUSE_SECONDS = 60;

/**
 * Session mode above the room's chat while a support session runs: the agenda pinned, the
 * rounds, and the facilitator's controls. The server opens and closes it on time; a pause
 * the facilitator calls opens the grounding tool for everyone.
 */
export function SessionModePanel({ roomId, joins, canFacilitate, canTakePart }: { roomId: string; joins: number; canFacilitate: boolean; canTakePart: boolean }) {
  const t = useT();
  const format = useFormat();
  const client = useQueryClient();
  const connection = useRealtimeConnection();
  // Read once the chat has joined, so nothing pushed to the room can fall between the read and the join.
  const live = useQuery({ queryKey: liveKey(roomId), queryFn: ({ signal }) => fetchLiveSession(roomId, signal), enabled: joins > 0 });
  const [pauseOpen, setPauseOpen] = useState(false);
  const [problem, setProblem] = useState('');

  // A session that opened or moved on while the chat was away was pushed to nobody here:
  // every later join reads it again.
  useEffect(() => {
    if (joins > 1) void client.invalidateQueries({ queryKey: liveKey(roomId) });
  }, [client, roomId, joins]);
  useSocketEvent(
    'support-session:mode',
    useCallback(
      async (mode: SessionModeView) => {
        if (mode.roomId !== roomId) return;
        // A read begun before this push would answer with the older state and overwrite it.
        await client.cancelQueries({ queryKey: liveKey(roomId) });
        client.setQueryData(liveKey(roomId), { mode });
      },
      [client, roomId],
    ),
  );
  useSocketEvent(
    'support-session:pause',
    useCallback((pause: { roomId: string }) => {
      if (pause.roomId === roomId) setPauseOpen(true);
    }, [roomId]),
  );

  const mode = live.data?.mode;
  const runKey = mode && mode.phase !== SessionPhase.Closed && canTakePart ? `${mode.sessionId}|${mode.startsAt}` : null;
  // Having the room open while the session runs is coming to it: said once per occurrence
  // (and again after a reconnect, which the server counts once). Facilitators see who came.
  useEffect(() => {
    if (!runKey || !connection) return;
    const sessionId = runKey.split('|')[0]!;
    const attend = () => void requestOrRefusal(connection.socket, SessionClientEvent.Attend, { sessionId });
    attend();
    connection.socket.on('connect', attend);
    return () => {
      connection.socket.off('connect', attend);
    };
  }, [runKey, connection]);

  if (!mode) return null;
  if (mode.phase === SessionPhase.Closed) {
    return <p className="chat-state session-mode__ended">{t('sessionMode.ended', { title: mode.title })}</p>;
  }

  async function facilitate(action: 'open' | 'closing' | 'pause') {
    if (!connection || !mode) return;
    setProblem('');
    const ack =
      action === 'pause'
        ? await requestOrRefusal(connection.socket, SessionClientEvent.Pause, { sessionId: mode.sessionId, seconds: PAUSE_SECONDS })
        : await requestOrRefusal(connection.socket, SessionClientEvent.Phase, { sessionId: mode.sessionId, phase: action });
    if (isRefusal(ack)) setProblem(refusalText(ack, t));
  }

  const round: CheckInRound | null = mode.phase === SessionPhase.CheckIn ? 'opening' : mode.phase === SessionPhase.Closing ? 'closing' : null;

  return (
    <section className="session-mode" aria-labelledby="session-mode-heading">
      <h3 id="session-mode-heading">{t('sessionMode.heading', { title: mode.title })}</h3>
      <p className="muted">
        {t('sessionMode.until', { time: format.dateTime(mode.endsAt), handle: mode.facilitator.handle })}
      </p>
      <p className="muted">{t('sessionMode.present', { count: mode.present })}</p>
      {mode.agenda && (
        <div className="chat-pinned">
          <p className="chat-pinned__label">{t('sessionMode.agenda')}</p>
          <p className="chat-pinned__text">{mode.agenda}</p>
        </div>
      )}
      <p className="session-mode__phase">{t(PHASE_LABELS[mode.phase])}</p>
      {round && <RoundTurns entries={mode.rounds[round]} />}
      {round && canTakePart && <TurnForm key={`${mode.sessionId}-${round}`} sessionId={mode.sessionId} round={round} />}
      {canFacilitate && (
        <div className="button-row session-mode__controls" role="group" aria-label={t('sessionMode.controls')}>
          {mode.phase === SessionPhase.CheckIn && (
            <button type="button" className="button button--small" onClick={() => void facilitate('open')}>
              {t('sessionMode.toOpen')}
            </button>
          )}
          {mode.phase !== SessionPhase.Closing && (
            <button type="button" className="button button--small" onClick={() => void facilitate('closing')}>
              {t('sessionMode.toClosing')}
            </button>
          )}
          <button type="button" className="button button--small button--pause" onClick={() => void facilitate('pause')}>
            {t('sessionMode.pauseEveryone')}
          </button>
        </div>
      )}
      <div role="status">{problem && <p className="notice notice--error">{problem}</p>}</div>
      <PauseDialog open={pauseOpen} onClose={() => setPauseOpen(false)} />
    </section>
  );
}

const PHASE_LABELS = {
  [SessionPhase.CheckIn]: 'sessionMode.phase.checkIn',
  [SessionPhase.Open]: 'sessionMode.phase.open',
  [SessionPhase.Closing]: 'sessionMode.phase.closing',
  [SessionPhase.Closed]: 'sessionMode.phase.closed',
} as const;

function RoundTurns({ entries }: { entries: CheckInEntry[] }) {
  const t = useT();
  if (entries.length === 0) return <p className="muted">{t('sessionMode.noTurnsYet')}</p>;
  return (
    <ul className="session-mode__turns" aria-label={t('sessionMode.turns')}>
      {entries.map((e) => (
        <li key={e.handle}>{e.word === null ? t('sessionMode.passed', { handle: e.handle }) : t('sessionMode.shared', { handle: e.handle, word: e.word })}</li>
      ))}
    </ul>
  );
}

/** One word for the round, or a pass: both are equally fine. */
function TurnForm({ sessionId, round }: { sessionId: string; round: CheckInRound }) {
  const t = useT();
  const connection = useRealtimeConnection();
  const [word, setWord] = useState('');
  const [problem, setProblem] = useState('');

  async function take(pass: boolean) {
    if (!connection) return;
    setProblem('');
    if (!pass && !ONE_WORD.test(word.trim())) {
      setProblem(t('sessionMode.oneWord'));
      return;
    }
    const ack = await requestOrRefusal(connection.socket, SessionClientEvent.CheckIn, pass ? { sessionId, round, pass: true } : { sessionId, round, pass: false, word: word.trim() });
    if (isRefusal(ack)) setProblem(refusalText(ack, t));
    else setWord('');
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void take(false);
  }

  const inputId = `turn-${round}`;
  return (
    <form className="session-mode__turn" onSubmit={onSubmit}>
      <label htmlFor={inputId}>{t(round === 'opening' ? 'sessionMode.openingPrompt' : 'sessionMode.closingPrompt')}</label>
      <div className="button-row">
        <input id={inputId} className="field__input" value={word} onChange={(e) => setWord(e.target.value)} maxLength={CHECK_IN_WORD_MAX_LENGTH} autoComplete="off" aria-describedby={problem ? `${inputId}-problem` : undefined} />
        <button type="submit" className="button button--small button--primary">
          {t('sessionMode.share')}
        </button>
        <button type="button" className="button button--small" onClick={() => void take(true)}>
          {t('sessionMode.pass')}
        </button>
      </div>
      {problem && (
        <p id={`${inputId}-problem`} className="field__error" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
