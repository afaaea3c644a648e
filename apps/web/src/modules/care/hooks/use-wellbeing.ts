import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { QueueItem } from '../../moderation/api/moderation-api';
import { moderationKeys } from '../../moderation/hooks/query-keys';
import { fetchMyWellbeing, setRevealed } from '../api/care-api';

export const wellbeingKeys = { mine: ['care', 'wellbeing'] as const };

/** The moderator's own exposure and sitting; re-read every minute so a due break shows without a reload. */
export function useMyWellbeing() {
  return useQuery({ queryKey: wellbeingKeys.mine, queryFn: ({ signal }) => fetchMyWellbeing(signal), refetchInterval: 60_000 });
}

/** Unfolds or folds an item at once; the server keeps the choice for this moderator and item. */
export function useReveal(itemId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (revealed: boolean) => setRevealed(itemId, revealed),
    onSuccess: (_data, revealed) => {
      client.setQueryData<QueueItem[]>(moderationKeys.queue, (items) => items?.map((i) => (i.id === itemId ? { ...i, folded: !revealed } : i)));
      void client.invalidateQueries({ queryKey: wellbeingKeys.mine });
    },
  });
}
