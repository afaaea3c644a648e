import type { RoomDetail } from '@kindred/contracts';
import { useId, useState } from 'react';
import { useErrorText } from '../../../shared/i18n/error-text';
import { useT } from '../../../shared/i18n/use-t';
import { useAppNavigate } from '../../../shared/lib/navigation';
import { AppLink } from '../../../shared/ui/app-link';
import { ConfirmDialog } from '../../../shared/ui/confirm-dialog';
import { useFollowRoom, useLeaveRoom } from '../hooks/use-rooms';
import { JOIN_POLICY_LABELS } from '../lib/join-policy';
import { RoomGuidelines } from './room-guidelines';
import './rooms.css';

export function RoomHeader({ room }: { room: RoomDetail }) {
  const t = useT();
  const errorText = useErrorText();
  const id = useId();
  const navigate = useAppNavigate();
  const leave = useLeaveRoom(room.id);
  const follow = useFollowRoom(room.id);
  const [confirmLeave, setConfirmLeave] = useState(false);

  return (
    <header className="room-header">
      <h1>{room.name}</h1>
      {room.description && <p className="lead">{room.description}</p>}
      <ul className="room-card__meta" aria-label={t('rooms.about')}>
        <li className="badge">{t(room.viewer.isMember ? 'rooms.member' : JOIN_POLICY_LABELS[room.joinPolicy])}</li>
        {room.viewer.canModerate && <li className="badge">{t('rooms.youModerate')}</li>}
      </ul>
      {room.archivedAt && <p className="notice">{t('rooms.archivedNotice')}</p>}
      <p>
        <AppLink to={`/rooms/${room.slug}/sessions`}>{t('sessions.roomLink')}</AppLink>
      </p>
      {room.threadSlowModeSeconds > 0 && (
        <p className="muted">
          {room.threadSlowModeSeconds < 60
            ? t('rooms.slowMode.seconds', { seconds: room.threadSlowModeSeconds })
            : t('rooms.slowMode.minutes', { minutes: Math.round(room.threadSlowModeSeconds / 60) })}
        </p>
      )}
      {room.premoderateFirstPosts > 0 && (
        <p className="muted">{t('rooms.premoderated')}</p>
      )}
      {/* Non-members read the guidelines in the join panel; members can open them here. */}
      {room.viewer.isMember && (
        <div className="room-header__actions">
          <details className="disclosure">
            <summary>{t('rooms.guidelines.open')}</summary>
            <RoomGuidelines room={room} headingId={`${id}-guidelines`} />
          </details>
          {/* One label whose pressed state says whether it is on, as screen readers expect of a toggle. */}
          <button
            type="button"
            className="button button--small"
            aria-pressed={room.viewer.following}
            aria-describedby={`${id}-follow-hint`}
            disabled={follow.isPending}
            onClick={() => follow.mutate(!room.viewer.following)}
          >
            {t('rooms.follow.button')}
          </button>
          <button type="button" className="button button--small button--quiet" onClick={() => setConfirmLeave(true)}>
            {t('rooms.leave.button')}
          </button>
        </div>
      )}
      {room.viewer.isMember && (
        <p id={`${id}-follow-hint`} className="field__hint" role="status">
          {t(room.viewer.following ? 'rooms.follow.on' : 'rooms.follow.off')}
        </p>
      )}
      {follow.isError && (
        <p className="field__error" role="alert">
          {errorText(follow.error)}
        </p>
      )}
      <ConfirmDialog
        open={confirmLeave}
        title={t('rooms.leave.title', { name: room.name })}
        confirmLabel={t('rooms.leave.button')}
        pending={leave.isPending}
        error={leave.error ? errorText(leave.error) : null}
        onCancel={() => setConfirmLeave(false)}
        onConfirm={() =>
          leave.mutate(undefined, {
            onSuccess: () => {
              setConfirmLeave(false);
              navigate('/', { state: { notice: t('rooms.leave.done', { name: room.name }) } });
            },
          })
        }
      >
        <p>{t(room.joinPolicy === 'open' ? 'rooms.leave.body' : 'rooms.leave.bodyClosed')}</p>
      </ConfirmDialog>
    </header>
  );
}
