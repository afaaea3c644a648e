import type { RoomDetail, RoomSummary } from '@kindred/contracts';
import { useQueries } from '@tanstack/react-query';
import { ErrorState, LoadingState } from '../../../shared/ui/query-state';
import { StatusMessage } from '../../../shared/ui/status-message';
import { fetchRoom } from '../api/rooms-api';
import { roomKeys, useRooms } from '../hooks/use-rooms';
import { RoomCard } from './room-card';
import './rooms.css';

/**
 * All rooms the viewer may see. For members, each room's detail says whether they belong
 * (the directory itself does not), so rooms are grouped into "yours" and "others".
 */
export function RoomDirectory({ signedIn }: { signedIn: boolean }) {
  const rooms = useRooms();
  const details = useQueries({
    queries: (rooms.data ?? []).map((room) => ({
      queryKey: roomKeys.detail(room.slug),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchRoom(room.slug, signal),
      enabled: signedIn,
    })),
  });

  if (rooms.isPending) return <LoadingState label="Loading rooms…" />;
  if (rooms.isError) return <ErrorState error={rooms.error} onRetry={() => void rooms.refetch()} />;
  // Wait for membership before grouping, so cards do not jump between sections.
  if (signedIn && details.some((d) => d.isPending)) return <LoadingState label="Loading rooms…" />;
  if (rooms.data.length === 0) {
    return <StatusMessage>There are no rooms yet. An admin can open the first one.</StatusMessage>;
  }

  const byId = new Map<string, RoomDetail>();
  for (const d of details) if (d.data) byId.set(d.data.id, d.data);
  const mine: RoomSummary[] = [];
  const others: RoomSummary[] = [];
  for (const room of rooms.data) (byId.get(room.id)?.viewer.isMember ? mine : others).push(room);

  const list = (items: RoomSummary[]) => (
    <ul className="room-list">
      {items.map((room) => (
        <RoomCard key={room.id} room={room} detail={byId.get(room.id)} signedIn={signedIn} />
      ))}
    </ul>
  );

  if (!signedIn) return list(rooms.data);
  return (
    <>
      {mine.length > 0 && (
        <section aria-labelledby="my-rooms-heading">
          <h2 id="my-rooms-heading">Your rooms</h2>
          {list(mine)}
        </section>
      )}
      {others.length > 0 && (
        <section aria-labelledby="other-rooms-heading">
          <h2 id="other-rooms-heading">{mine.length > 0 ? 'Other rooms' : 'Rooms you can join'}</h2>
          {list(others)}
        </section>
      )}
    </>
  );
}
