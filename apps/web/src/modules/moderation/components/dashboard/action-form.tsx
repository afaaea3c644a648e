import type { ContentWarningCategory, ModerationActionType } from '@kindred/contracts';
import { ModerationActionType as A } from '@kindred/contracts';
import type { FormEvent } from 'react';
import { useId, useState } from 'react';
import { toDisplayError } from '../../../../shared/lib/api-client';
import { formatAbsolute } from '../../../../shared/lib/format-time';
import { useSession } from '../../../auth/hooks/use-session';
import { WarningPicker } from '../../../content-warnings/components/warning-picker';
import { choiceFromView, initialChoice, type WarningChoice } from '../../../content-warnings/lib/warning-choice';
import type { QueueItem } from '../../api/moderation-api';
import { useModeratedRooms, useModerationAction, useSanctions } from '../../hooks/use-moderation';
import { composeReason, emptyReason, reasonProblem, CANNED_REASONS, MUTE_DURATIONS } from '../../../moderator-reasons/lib/reasons';
import { ReasonField } from '../../../moderator-reasons/components/reason-field';
import { QueueFormFooter } from './queue-form-footer';
import { actionOptions, PIN_DURATIONS, SUSPEND_DURATIONS } from './action-options';

interface ActionFormProps {
  item: QueueItem;
  onDone: (message: string) => void;
  onCancel: () => void;
}

const DONE: Partial<Record<ModerationActionType, string>> = {
  approve: 'Approved. The author is told, and everyone can see it now.',
  reject: 'Not approved. The author is told why.',
  remove: 'Removed. The author is told privately, with your reason.',
  hide: 'Hidden while it is reviewed. The author is told.',
  mute: 'Muted. They are told until when, and why.',
  ban: 'Banned. Their sessions have ended.',
};

/** Decide an item: one action, a reason, and any details that action needs. */
export function ActionForm({ item, onDone, onCancel }: ActionFormProps) {
  const id = useId();
  const { user } = useSession();
  const options = actionOptions(item, user);
  const held = item.kind === 'held-post';
  const [key, setKey] = useState(options[0]?.key ?? '');
  const [reason, setReason] = useState(emptyReason(held ? CANNED_REASONS.at(-1) : ''));
  const [minutes, setMinutes] = useState<number | undefined>(undefined);
  const [toRoomId, setToRoomId] = useState('');
  const [sanctionId, setSanctionId] = useState('');
  const [warning, setWarning] = useState<WarningChoice>(() => (item.target.warning ? choiceFromView(item.target.warning) : initialChoice()));
  const [outcome, setOutcome] = useState('');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const act = useModerationAction();
  const { rooms } = useModeratedRooms();
  const option = options.find((o) => o.key === key);
  const sanctions = useSanctions(option?.action === A.Lift ? option.id : undefined);

  if (options.length === 0) {
    return <p className="muted">There is nothing to do here but dismiss it.</p>;
  }

  const action = option?.action;
  const durations = action === A.Mute ? MUTE_DURATIONS : action === A.Suspend ? SUSPEND_DURATIONS : action === A.Pin ? PIN_DURATIONS : null;
  const chosenMinutes = minutes ?? durations?.[1]?.minutes ?? durations?.[0]?.minutes;
  const destinations = rooms.filter((room) => room.id !== item.roomId);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!option) return;
    const found: Record<string, string> = {};
    const reasonIssue = reasonProblem(reason);
    if (reasonIssue) found.reason = reasonIssue;
    if (action === A.Move && !toRoomId) found.room = 'Please choose the room to move it to.';
    if (action === A.Lift && !sanctionId) found.sanction = 'Please choose which restriction to lift.';
    if (action === A.SetWarning && warning.categories.length === 0 && !warning.note.trim()) {
      found.warning = 'Please choose at least one topic.';
    }
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    // Awaited rather than per-call callbacks: the card unmounts as soon as its item is decided.
    act
      .mutateAsync(
      {
        type: option.type,
        id: option.id,
        body: {
          action: option.action,
          reason: composeReason(reason),
          queueItemId: item.id,
          ...(option.roomId ? { roomId: option.roomId } : {}),
          ...(durations && chosenMinutes ? { durationMinutes: chosenMinutes } : {}),
          ...(action === A.Move ? { toRoomId } : {}),
          ...(action === A.Lift ? { sanctionId } : {}),
          ...(action === A.SetWarning
            ? { warning: { categories: warning.categories as ContentWarningCategory[], ...(warning.note.trim() ? { note: warning.note.trim() } : {}) } }
            : {}),
          ...(outcome.trim() ? { outcomeForReporters: outcome.trim() } : {}),
        },
      },
      )
      .then(() => onDone(DONE[option.action] ?? 'Done. The member is told privately, with your reason.'))
      .catch(() => undefined);
  }

  return (
    <form className="queue-form" onSubmit={onSubmit} noValidate aria-busy={act.isPending}>
      <div className="field field--compact">
        <label htmlFor={`${id}-action`} className="field__label">
          Action
        </label>
        <select id={`${id}-action`} className="field__input" value={key} onChange={(event) => {
            setKey(event.target.value);
            setMinutes(undefined);
          }}>
          {options.map((o) => (
            <option key={o.key} value={o.key}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      {durations && (
        <div className="field field--compact">
          <label htmlFor={`${id}-duration`} className="field__label">
            {action === A.Pin ? 'Pinned for' : 'For how long'}
          </label>
          <select id={`${id}-duration`} className="field__input" value={chosenMinutes} onChange={(event) => setMinutes(Number(event.target.value))}>
            {durations.map((d) => (
              <option key={d.minutes} value={d.minutes}>
                {d.label}
              </option>
            ))}
          </select>
        </div>
      )}
      {action === A.Move && (
        <div className="field field--compact">
          <label htmlFor={`${id}-room`} className="field__label">
            Move to
          </label>
          {problems.room && <p className="field__error">{problems.room}</p>}
          <select id={`${id}-room`} className="field__input" value={toRoomId} onChange={(event) => setToRoomId(event.target.value)}>
            <option value="">Choose a room…</option>
            {destinations.map((room) => (
              <option key={room.id} value={room.id}>
                {room.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {action === A.Lift && (
        <div className="field field--compact">
          <label htmlFor={`${id}-sanction`} className="field__label">
            Restriction to lift
          </label>
          {problems.sanction && <p className="field__error">{problems.sanction}</p>}
          {sanctions.isPending ? (
            <p className="muted">Loading their restrictions…</p>
          ) : sanctions.isError ? (
            <p className="field__error">{toDisplayError(sanctions.error).message}</p>
          ) : sanctions.data.length === 0 ? (
            <p className="muted">They have no active restrictions you can lift.</p>
          ) : (
            <select id={`${id}-sanction`} className="field__input" value={sanctionId} onChange={(event) => setSanctionId(event.target.value)}>
              <option value="">Choose…</option>
              {sanctions.data.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.kind} — {s.reason}
                  {s.expiresAt ? ` (until ${formatAbsolute(s.expiresAt)})` : ''}
                </option>
              ))}
            </select>
          )}
        </div>
      )}
      {action === A.SetWarning && <WarningPicker idPrefix={`${id}-cw`} value={warning} onChange={setWarning} error={problems.warning} />}
      <ReasonField idPrefix={id} value={reason} onChange={setReason} error={problems.reason} />
      {item.reports.length > 0 && (
        <div className="field field--compact">
          <label htmlFor={`${id}-outcome`} className="field__label field__label--small">
            A note for the people who reported it <span className="field__optional">(optional)</span>
          </label>
          <p id={`${id}-outcome-hint`} className="field__hint">
            Without one, they hear that a moderator took action. Your private notes are never shared.
          </p>
          <input
            id={`${id}-outcome`}
            className="field__input"
            value={outcome}
            maxLength={500}
            aria-describedby={`${id}-outcome-hint`}
            onChange={(event) => setOutcome(event.target.value)}
          />
        </div>
      )}
      <QueueFormFooter error={act.isError ? act.error : undefined} pending={act.isPending} submitLabel="Apply" onCancel={onCancel} />
    </form>
  );
}
