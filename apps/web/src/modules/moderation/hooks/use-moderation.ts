import type { DecideJoinRequest, QueueItemStatus, ReportTargetType } from '@kindred/contracts';
import { Role, RoomRole } from '@kindred/contracts';
import { keepPreviousData, useInfiniteQuery, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useSession } from '../../auth/hooks/use-session';
import { useSocketEvent } from '../../../shared/realtime/use-realtime';
import { useRooms } from '../../rooms/hooks/use-rooms';
import {
  addNote,
  claimItem,
  decideJoinRequest,
  dismissItem,
  fetchJoinRequests,
  fetchLog,
  fetchQueue,
  fetchSanctions,
  performAction,
  type LogFilters,
  type ModerationActionBody,
  type QueueItem,
} from '../api/moderation-api';
import { moderationKeys } from './query-keys';

export function useQueue() {
  return useQuery({ queryKey: moderationKeys.queue, queryFn: ({ signal }) => fetchQueue(signal), staleTime: 10_000 });
}

/** Open dashboards follow the queue live: any change refetches it (new item, claim, decision). */
export function useLiveQueue(): void {
  const client = useQueryClient();
  const refresh = useCallback(() => {
    void client.invalidateQueries({ queryKey: moderationKeys.queue });
    void client.invalidateQueries({ queryKey: ['moderation', 'log'] });
  }, [client]);
  useSocketEvent('queue:updated', refresh);
}

function useReplaceItem() {
  const client = useQueryClient();
  return (item: QueueItem) =>
    client.setQueryData<QueueItem[]>(moderationKeys.queue, (items) => items?.map((i) => (i.id === item.id ? item : i)));
}

export function useClaim() {
  const replace = useReplaceItem();
  return useMutation({ mutationFn: ({ id, claim }: { id: string; claim: boolean }) => claimItem(id, claim), onSuccess: replace });
}

export function useAddNote() {
  const replace = useReplaceItem();
  return useMutation({ mutationFn: ({ id, body }: { id: string; body: string }) => addNote(id, body), onSuccess: replace });
}

/** A decided item leaves the list at once; the refetch confirms it. */
function useRemoveItem() {
  const client = useQueryClient();
  return async (id: string) => {
    client.setQueryData<QueueItem[]>(moderationKeys.queue, (items) => items?.filter((i) => i.id !== id));
    await client.invalidateQueries({ queryKey: moderationKeys.all });
  };
}

export function useDismiss() {
  const remove = useRemoveItem();
  return useMutation({
    mutationFn: ({ id, reason, outcome }: { id: string; reason: string; outcome?: string }) => dismissItem(id, reason, outcome),
    onSuccess: (_data, vars) => remove(vars.id),
  });
}

export function useModerationAction() {
  const remove = useRemoveItem();
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ type, id, body }: { type: ReportTargetType; id: string; body: ModerationActionBody }) => performAction(type, id, body),
    onSuccess: async (_data, vars) => {
      if (vars.body.queueItemId) await remove(vars.body.queueItemId);
      else await client.invalidateQueries({ queryKey: moderationKeys.all });
      // What members see may have changed.
      await client.invalidateQueries({ predicate: (q) => ['threads', 'thread', 'posts', 'search'].includes(String(q.queryKey[0])) });
    },
  });
}

export function useSanctions(userId: string | undefined) {
  return useQuery({
    queryKey: moderationKeys.sanctions(userId ?? ''),
    queryFn: ({ signal }) => fetchSanctions(userId!, signal),
    enabled: !!userId,
  });
}

export function useModerationLog(filters: LogFilters) {
  return useInfiniteQuery({
    queryKey: moderationKeys.log(filters as Record<string, string>),
    queryFn: ({ pageParam, signal }) => fetchLog(filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    // Changing a filter keeps the current entries on screen until the new ones arrive.
    placeholderData: keepPreviousData,
  });
}

/** Rooms this person may moderate: all rooms for site staff, otherwise where they are a room moderator. */
export function useModeratedRooms() {
  const { user } = useSession();
  const rooms = useRooms();
  const staff = user?.role === Role.Moderator || user?.role === Role.Admin;
  const list = (rooms.data ?? []).filter((room) => staff || room.viewer?.role === RoomRole.Moderator);
  return { rooms: list, all: rooms.data ?? [], isPending: rooms.isPending };
}

export function useJoinRequests(roomIds: string[]) {
  return useQueries({
    queries: roomIds.map((roomId) => ({
      queryKey: moderationKeys.joinRequests(roomId),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchJoinRequests(roomId, signal),
    })),
  });
}

export function useDecideJoinRequest() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ roomId, requestId, body }: { roomId: string; requestId: string; body: DecideJoinRequest }) =>
      decideJoinRequest(roomId, requestId, body),
    onSuccess: (_data, vars) => client.invalidateQueries({ queryKey: moderationKeys.joinRequests(vars.roomId) }),
  });
}

export function isOpen(status: QueueItemStatus): boolean {
  return status === 'open' || status === 'claimed';
}
