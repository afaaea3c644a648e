import type { QueueUpdate } from '@kindred/contracts';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { setTitleCount } from '../../../shared/lib/title-count';
import { useSocketEvent } from '../../../shared/realtime/use-realtime';
import { fetchCrisisItems } from '../api/care-api';
import { careKeys } from './use-care';

const CRISIS = 3;
const OPEN = new Set(['open', 'claimed']);

/**
 * Open crisis items for the Moderation link: the list from the server, then kept live from
 * `queue:updated` (sent to this room's moderators and global moderators only). `arrived`
 * counts new crisis items since the page opened, for a quiet toast. No sound, no email.
 */
export function useCrisisCount(enabled: boolean): { count: number; arrived: number } {
  const query = useQuery({ queryKey: careKeys.crisisItems, queryFn: ({ signal }) => fetchCrisisItems(signal), enabled });
  const [live, setLive] = useState<Map<string, boolean>>(new Map());
  const [arrived, setArrived] = useState(0);

  const onUpdate = useCallback((update: QueueUpdate) => {
    if (update.severity !== CRISIS) return;
    const open = OPEN.has(update.status);
    setLive((current) => new Map(current).set(update.itemId, open));
    if (open && update.status === 'open' && !update.claimedBy) setArrived((n) => n + 1);
  }, []);
  useSocketEvent('queue:updated', onUpdate);

  const ids = new Set(enabled ? (query.data?.open ?? []) : []);
  for (const [id, open] of live) {
    if (open) ids.add(id);
    else ids.delete(id);
  }
  const count = enabled ? ids.size : 0;
  useEffect(() => {
    setTitleCount(count);
    return () => setTitleCount(0);
  }, [count]);
  return { count, arrived };
}
