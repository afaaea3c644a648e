import type { MentionCandidate } from '@kindred/contracts';
import { apiRequest } from '../../../shared/lib/api-client';

/** Members of the room the asker may mention, whose handle starts with `q`. */
export function fetchMentionCandidates(roomId: string, q: string, signal?: AbortSignal): Promise<MentionCandidate[]> {
  return apiRequest<MentionCandidate[]>(`/api/rooms/${encodeURIComponent(roomId)}/mention-candidates`, { signal, query: { q } });
}
