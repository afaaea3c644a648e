import type { ContentWarningCategory, ModerationActionType } from '@kindred/contracts';
import { ModerationActionType as A } from '@kindred/contracts';
import type { FormEvent } from 'react';
import { useId, useState } from 'react';
import { useErrorText } from '../../../../shared/i18n/error-text';
import type { MessageId } from '../../../../shared/i18n/message-id';
import { useT } from '../../../../shared/i18n/use-t';
import { formatAbsolute } from '../../../../shared/lib/format-time';
import { useSession } from '../../../auth/hooks/use-session';
import { WarningPicker } from '../../../content-warnings/components/warning-picker';
import { choiceFromView, initialChoice, type WarningChoice } from '../../../content-warnings/lib/warning-choice';
import type { QueueItem } from '../../api/moderation-api';
import { useModeratedRooms, useModerationAction, useSanctions } from '../../hooks/use-moderation';
import { composeReason, emptyReason, reasonProblem } from '../../../moderator-reasons/lib/reasons';
import { useMuteDurations, usePinDurations, useSuspendDurations } from '../../../moderator-reasons/lib/durations';
import { ReasonField } from '../../../moderator-reasons/components/reason-field';
import { QueueFormFooter } from './queue-form-footer';
import { actionOptions } from './action-options';

interface ActionFormProps {
  item: QueueItem;
  onDone: (message: string) => void;
  onCancel: () => void;
}

const DONE: Partial<Record<ModerationActionType, MessageId>> = {
  approve: 'moderation.done.approve',
  reject: 'moderation.done.reject',
  remove: 'moderation.done.remove',
  hide: 'moderation.done.hide',
  mute: 'moderation.done.mute',
  ban: 'moderation.done.ban',
};

/** What a restriction is, for choosing which to lift. */
const SANCTION_KINDS: Record<string, MessageId> = {
  mute: 'moderation.sanction.mute',
  suspend: 'moderation.sanction.suspend',
  ban: 'moderation.sanction.ban',
};

/** Decide an item: one action, a reason, and any details that action needs. */
export function ActionForm({ item, onDone, onCancel }: ActionFormProps) {
  const id = useId();
  const { user } = useSession();
  const t = useT();
  const errorText = useErrorText();
  const mutes = useMuteDurations();
  const suspensions = useSuspendDurations();
  const pins = usePinDurations();
  const options = actionOptions(item, user, t);
  const held = item.kind === 'held-post';
  const [key, setKey] = useState(options[0]?.key ?? '');
  const [reason, setReason] = useState(emptyReason(held ? 'withinGuidelines' : ''));
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
    return <p className="muted">{t('moderation.act.nothing')}</p>;
  }

  const action = option?.action;
  const durations = action === A.Mute ? mutes : action === A.Suspend ? suspensions : action === A.Pin ? pins : null;
  const chosenMinutes = minutes ?? durations?.[1]?.minutes ?? durations?.[0]?.minutes;
  const destinations = rooms.filter((room) => room.id !== item.roomId);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!option) return;
    const found: Record<string, string> = {};
    const reasonIssue = reasonProblem(reason, t);
    if (reasonIssue) found.reason = reasonIssue;
    if (action === A.Move && !toRoomId) found.room = t('moderation.act.chooseRoom');
    if (action === A.Lift && !sanctionId) found.sanction = t('moderation.act.chooseSanction');
    if (action === A.SetWarning && warning.categories.length === 0 && !warning.note.trim()) {
      found.warning = t('moderation.act.chooseTopic');
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
          reason: composeReason(reason, t),
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
      .then(() => onDone(t(DONE[option.action] ?? 'moderation.done.other')))
      .catch(() => undefined);
  }

  return (
    <form className="queue-form" onSubmit={onSubmit} noValidate aria-busy={act.isPending}>
      <div className="field field--compact">
        <label htmlFor={`${id}-action`} className="field__label">
          {t('moderation.log.action')}
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
            {t(action === A.Pin ? 'moderation.act.pinnedFor' : 'reasons.howLong')}
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
            {t('moderation.act.moveTo')}
          </label>
          {problems.room && <p className="field__error">{problems.room}</p>}
          <select id={`${id}-room`} className="field__input" value={toRoomId} onChange={(event) => setToRoomId(event.target.value)}>
            <option value="">{t('moderation.act.chooseRoomOption')}</option>
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
            {t('moderation.act.sanction')}
          </label>
          {problems.sanction && <p className="field__error">{problems.sanction}</p>}
          {sanctions.isPending ? (
            <p className="muted">{t('moderation.act.loadingSanctions')}</p>
          ) : sanctions.isError ? (
            <p className="field__error">{errorText(sanctions.error)}</p>
          ) : sanctions.data.length === 0 ? (
            <p className="muted">{t('moderation.act.noSanctions')}</p>
          ) : (
            <select id={`${id}-sanction`} className="field__input" value={sanctionId} onChange={(event) => setSanctionId(event.target.value)}>
              <option value="">{t('moderation.act.chooseOption')}</option>
              {sanctions.data.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.expiresAt
                    ? t('moderation.act.sanctionUntil', { kind: t(SANCTION_KINDS[s.kind] ?? 'moderation.sanction.other'), reason: s.reason, until: formatAbsolute(s.expiresAt) })
                    : t('moderation.act.sanctionOption', { kind: t(SANCTION_KINDS[s.kind] ?? 'moderation.sanction.other'), reason: s.reason })}
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
            {t('moderation.act.outcome')} <span className="field__optional">{t('common.optional')}</span>
          </label>
          <p id={`${id}-outcome-hint`} className="field__hint">
            {t('moderation.act.outcomeHint')}
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
      <QueueFormFooter error={act.isError ? act.error : undefined} pending={act.isPending} submitLabel={t('moderation.act.apply')} onCancel={onCancel} />
    </form>
  );
}
