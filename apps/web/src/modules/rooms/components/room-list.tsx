import type { JoinPolicy, RoomSummary } from '@kindred/contracts';
import { RoomVisibility } from '@kindred/contracts';
import { useEffect, useState } from 'react';
import { toDisplayError } from '../../../shared/lib/api-client';
import { StatusMessage } from '../../../shared/ui/status-message';
import { fetchRooms } from '../api/rooms-api';

const JOIN_POLICY_LABELS: Record<JoinPolicy, string> = {
  open: 'Open to join',
  request: 'Join by request',
  invite: 'Invite only',
};

type RoomsState =
  | { status: 'loading' }
  | { status: 'ready'; rooms: RoomSummary[] }
  | { status: 'error'; message: string };

export function RoomList() {
  const [state, setState] = useState<RoomsState>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    fetchRooms(controller.signal)
      .then((rooms) => setState({ status: 'ready', rooms }))
      .catch((cause: unknown) => {
        if (controller.signal.aborted) return;
        setState({ status: 'error', message: toDisplayError(cause).message });
      });
    return () => controller.abort();
  }, [generation]);

  if (state.status === 'loading') return <StatusMessage>Loading rooms…</StatusMessage>;
  if (state.status === 'error') {
    return (
      <div className="notice notice--error" role="alert">
        <p>{state.message}</p>
        <button type="button" className="button" onClick={() => {
            setState({ status: 'loading' });
            setGeneration((n) => n + 1);
          }}>
          Try again
        </button>
      </div>
    );
  }
  if (state.rooms.length === 0) {
    return <StatusMessage>There are no rooms yet. An admin can open the first one.</StatusMessage>;
  }
  return (
    <ul className="room-list">
      {state.rooms.map((room) => (
        <li key={room.id} className="room-card">
          <h3 className="room-card__name">{room.name}</h3>
          {room.description && <p className="room-card__description">{room.description}</p>}
          <p className="room-card__meta">
            <span className="badge">{JOIN_POLICY_LABELS[room.joinPolicy] ?? room.joinPolicy}</span>
            {room.visibility === RoomVisibility.Hidden && <span className="badge">Unlisted</span>}
          </p>
        </li>
      ))}
    </ul>
  );
}
