import type { CheckInRequest, QueueUpdate } from '@kindred/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useSocketEvent } from '../../../shared/realtime/use-realtime';
import { moderationKeys } from '../../moderation/hooks/query-keys';
import { fetchCarers, fetchCareTemplates, fetchCheckIn, fetchItemCheckIns, handOver, markNotACrisis, markSupported, replyToCheckIn, sendCheckIn } from '../api/care-api';

export const careKeys = {
  checkIn: (id: string) => ['care', 'check-in', id] as const,
  templates: ['care', 'templates'] as const,
  itemCheckIns: (itemId: string) => ['care', 'item', itemId] as const,
  crisisItems: ['care', 'crisis-items'] as const,
  carers: (itemId: string) => ['care', 'carers', itemId] as const,
};

/** The member's own check-in thread. */
export function useCheckIn(id: string) {
  return useQuery({ queryKey: careKeys.checkIn(id), queryFn: ({ signal }) => fetchCheckIn(id, signal) });
}

export function useReplyToCheckIn(id: string) {
  const client = useQueryClient();
  return useMutation({ mutationFn: (body: string) => replyToCheckIn(id, body), onSuccess: (thread) => client.setQueryData(careKeys.checkIn(id), thread) });
}

export function useCareTemplates() {
  return useQuery({ queryKey: careKeys.templates, queryFn: ({ signal }) => fetchCareTemplates(signal), staleTime: 5 * 60_000 });
}

/** The item's check-in, kept live: the member's answer announces the item again. */
export function useItemCheckIns(itemId: string) {
  const client = useQueryClient();
  const onUpdate = useCallback(
    (update: QueueUpdate) => {
      if (update.itemId === itemId) void client.invalidateQueries({ queryKey: careKeys.itemCheckIns(itemId) });
    },
    [client, itemId],
  );
  useSocketEvent('queue:updated', onUpdate);
  return useQuery({ queryKey: careKeys.itemCheckIns(itemId), queryFn: ({ signal }) => fetchItemCheckIns(itemId, signal) });
}

/** Every care response changes the queue; the dashboard and the count refresh after it. */
function useCareMutation<T>(itemId: string, run: (input: T) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: careKeys.itemCheckIns(itemId) });
      void client.invalidateQueries({ queryKey: moderationKeys.queue });
      void client.invalidateQueries({ queryKey: careKeys.crisisItems });
    },
  });
}

export const useSendCheckIn = (itemId: string) => useCareMutation(itemId, (body: CheckInRequest) => sendCheckIn(itemId, body));
export const useMarkSupported = (itemId: string) => useCareMutation(itemId, (note: string) => markSupported(itemId, note));
export const useNotACrisis = (itemId: string) => useCareMutation(itemId, () => markNotACrisis(itemId));
export const useHandOver = (itemId: string) => useCareMutation(itemId, ({ toUserId, note }: { toUserId: string; note: string }) => handOver(itemId, toUserId, note));

/** Who the item can go to (the room's moderators, global moderators, admins). */
export function useCarers(itemId: string) {
  return useQuery({ queryKey: careKeys.carers(itemId), queryFn: ({ signal }) => fetchCarers(itemId, signal) });
}
