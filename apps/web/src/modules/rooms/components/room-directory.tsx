import type { RoomSummary } from '@kindred/contracts';
import { useT } from '../../../shared/i18n/use-t';
import { ErrorState, LoadingState } from '../../../shared/ui/query-state';
import { StatusMessage } from '../../../shared/ui/status-message';
import { useRooms } from '../hooks/use-rooms';
import { RoomCard } from './room-card';
import './rooms.css';

/**
 * All rooms the viewer may see. For signed-in members the directory says where they belong,
 * so rooms are grouped into "yours" and "others" without asking about each room.
 */
export function RoomDirectory({ signedIn }: { signedIn: boolean }) {
  const t = useT();
  const rooms = useRooms();

  if (rooms.isPending) return <LoadingState label={t('rooms.directory.loading')} />;
  if (rooms.isError) return <ErrorState error={rooms.error} onRetry={() => void rooms.refetch()} />;
  if (rooms.data.length === 0) {
    return <StatusMessage>{t('rooms.directory.empty')}</StatusMessage>;
  }

  const mine: RoomSummary[] = [];
  const others: RoomSummary[] = [];
  for (const room of rooms.data) (room.viewer?.isMember ? mine : others).push(room);

  const list = (items: RoomSummary[]) => (
    <ul className="room-list">
      {items.map((room) => (
        <RoomCard key={room.id} room={room} signedIn={signedIn} />
      ))}
    </ul>
  );

  if (!signedIn) return list(rooms.data);
  return (
    <>
      {mine.length > 0 && (
        <section aria-labelledby="my-rooms-heading">
          <h2 id="my-rooms-heading">{t('rooms.directory.mine')}</h2>
          {list(mine)}
        </section>
      )}
      {others.length > 0 && (
        <section aria-labelledby="other-rooms-heading">
          <h2 id="other-rooms-heading">{t(mine.length > 0 ? 'rooms.directory.others' : 'rooms.directory.joinable')}</h2>
          {list(others)}
        </section>
      )}
    </>
  );
}
