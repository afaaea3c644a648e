import type { RoomDetail } from '@kindred/contracts';
import { useId, useState } from 'react';
import { toDisplayError } from '../../../shared/lib/api-client';
import { useAppNavigate } from '../../../shared/lib/navigation';
import { ConfirmDialog } from '../../../shared/ui/confirm-dialog';
import { useLeaveRoom } from '../hooks/use-rooms';
import { JOIN_POLICY_LABELS } from '../lib/join-policy';
import { RoomGuidelines } from './room-guidelines';
import './rooms.css';

function describeSeconds(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.round(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

export function RoomHeader({ room }: { room: RoomDetail }) {
  const id = useId();
  const navigate = useAppNavigate();
  const leave = useLeaveRoom(room.id);
  const [confirmLeave, setConfirmLeave] = useState(false);

  return (
    <header className="room-header">
      <h1>{room.name}</h1>
      {room.description && <p className="lead">{room.description}</p>}
      <ul className="room-card__meta" aria-label="About this room">
        <li className="badge">{room.viewer.isMember ? 'You are a member' : JOIN_POLICY_LABELS[room.joinPolicy]}</li>
        {room.viewer.canModerate && <li className="badge">You moderate here</li>}
      </ul>
      {room.threadSlowModeSeconds > 0 && (
        <p className="muted">
          This room is in slow mode: one post every {describeSeconds(room.threadSlowModeSeconds)}, so there is time to
          breathe between messages.
        </p>
      )}
      {room.premoderateFirstPosts > 0 && (
        <p className="muted">A moderator reads new members’ first posts here before others see them.</p>
      )}
      {/* Non-members read the guidelines in the join panel; members can open them here. */}
      {room.viewer.isMember && (
        <div className="room-header__actions">
          <details className="disclosure">
            <summary>Room guidelines</summary>
            <RoomGuidelines room={room} headingId={`${id}-guidelines`} />
          </details>
          <button type="button" className="button button--small button--quiet" onClick={() => setConfirmLeave(true)}>
            Leave room
          </button>
        </div>
      )}
      <ConfirmDialog
        open={confirmLeave}
        title={`Leave ${room.name}?`}
        confirmLabel="Leave room"
        pending={leave.isPending}
        error={leave.error ? toDisplayError(leave.error).message : null}
        onCancel={() => setConfirmLeave(false)}
        onConfirm={() =>
          leave.mutate(undefined, {
            onSuccess: () => {
              setConfirmLeave(false);
              navigate('/', { state: { notice: `You left ${room.name}. You are welcome back any time.` } });
            },
          })
        }
      >
        <p>Your threads and posts stay in the room. You can come back later{room.joinPolicy === 'open' ? '' : ', though you may need to ask or use an invite again'}.</p>
      </ConfirmDialog>
    </header>
  );
}
