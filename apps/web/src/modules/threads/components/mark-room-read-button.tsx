import { useT } from '../../../shared/i18n/use-t';
import { useMarkRoomRead } from '../hooks/use-threads';

/** "Mark room read": every thread in the room stops counting as new or unread, up to now. */
export function MarkRoomReadButton({ roomId, onDone }: { roomId: string; onDone: (notice: string) => void }) {
  const t = useT();
  const mark = useMarkRoomRead(roomId);
  return (
    <button type="button" className="button" disabled={mark.isPending} onClick={() => mark.mutate(undefined, { onSuccess: () => onDone(t('room.markedRead')) })}>
      {t('room.markRead')}
    </button>
  );
}
