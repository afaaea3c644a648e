import type { BlockedMember } from '@kindred/contracts';
import { apiRequest } from '../../../shared/lib/api-client';

export function fetchBlocks(signal?: AbortSignal): Promise<BlockedMember[]> {
  return apiRequest<BlockedMember[]>('/api/me/blocks', { signal });
}

export function blockMember(handle: string): Promise<BlockedMember> {
  return apiRequest<BlockedMember>('/api/me/blocks', { method: 'POST', body: { handle } });
}

export function unblockMember(userId: string): Promise<void> {
  return apiRequest<void>(`/api/me/blocks/${encodeURIComponent(userId)}`, { method: 'DELETE' });
}
