import type { Page, SearchResult } from '@kindred/contracts';
import { apiRequest } from '../../../shared/lib/api-client';

export function searchPosts(q: string, room: string | null, cursor: string | null, signal?: AbortSignal) {
  return apiRequest<Page<SearchResult>>('/api/search', { signal, query: { q, room, cursor } });
}
