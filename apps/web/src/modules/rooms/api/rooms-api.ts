import type { RoomSummary } from '@kindred/contracts';
import { apiRequest } from '../../../shared/lib/api-client';

export function fetchRooms(signal?: AbortSignal): Promise<RoomSummary[]> {
  return apiRequest<RoomSummary[]>('/api/rooms', { signal });
}
