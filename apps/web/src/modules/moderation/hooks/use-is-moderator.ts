import { Role, RoomRole } from '@kindred/contracts';
import { useQuery } from '@tanstack/react-query';
import { ApiRequestError } from '../../../shared/lib/api-client';
import { useSession } from '../../auth/hooks/use-session';
import { useRooms } from '../../rooms/hooks/use-rooms';
import { fetchQueue } from '../api/moderation-api';
import { moderationKeys } from './query-keys';

/**
 * Whether to offer the moderator dashboard: site moderators and admins, and members who
 * moderate at least one room. If the queue has already said 403, the link goes away.
 */
export function useIsModerator(): boolean {
  const { user } = useSession();
  const rooms = useRooms();
  // Observes the dashboard's queue query without fetching it here.
  const queue = useQuery({ queryKey: moderationKeys.queue, queryFn: ({ signal }) => fetchQueue(signal), enabled: false });
  if (!user) return false;
  if (queue.error instanceof ApiRequestError && queue.error.status === 403) return false;
  if (user.role === Role.Moderator || user.role === Role.Admin) return true;
  return rooms.data?.some((room) => room.viewer?.role === RoomRole.Moderator) ?? false;
}
