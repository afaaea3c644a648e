import type {
  DecideJoinRequest,
  JoinRequestView,
  ModerationActionRequest,
  ModerationLogView,
  QueueItemView,
  ReportTargetType,
} from '@kindred/contracts';
import { apiRequest } from '../../../shared/lib/api-client';

const enc = encodeURIComponent;

/**
 * The API also takes the room for member actions inside one room (mute, warn, lift a mute);
 * the shared contract does not list it yet.
 */
export type ModerationActionBody = ModerationActionRequest & { roomId?: string };

/** Appeals carry the member's message; the shared contract does not list it yet. */
export type QueueItem = QueueItemView & { appealMessage?: string | null };

export interface SanctionView {
  id: string;
  roomId: string | null;
  kind: string;
  reason: string;
  createdAt: string;
  expiresAt: string | null;
}

export interface LogFilters {
  room?: string;
  moderator?: string;
  member?: string;
  action?: string;
  from?: string;
  to?: string;
}

export function fetchQueue(signal?: AbortSignal): Promise<QueueItem[]> {
  return apiRequest<QueueItem[]>('/api/moderation/queue', { signal });
}

export function claimItem(id: string, claim: boolean): Promise<QueueItem> {
  return apiRequest<QueueItem>(`/api/moderation/queue/${enc(id)}/${claim ? 'claim' : 'unclaim'}`, { method: 'POST' });
}

export function addNote(id: string, body: string): Promise<QueueItem> {
  return apiRequest<QueueItem>(`/api/moderation/queue/${enc(id)}/notes`, { method: 'POST', body: { body } });
}

export function dismissItem(id: string, reason: string, outcomeForReporters?: string): Promise<void> {
  return apiRequest<void>(`/api/moderation/queue/${enc(id)}/dismiss`, {
    method: 'POST',
    body: { reason, ...(outcomeForReporters ? { outcomeForReporters } : {}) },
  });
}

export function performAction(type: ReportTargetType, id: string, body: ModerationActionBody): Promise<{ logEntryId: string }> {
  return apiRequest<{ logEntryId: string }>(`/api/moderation/${enc(type)}/${enc(id)}/actions`, { method: 'POST', body });
}

export function fetchSanctions(userId: string, signal?: AbortSignal): Promise<SanctionView[]> {
  return apiRequest<SanctionView[]>(`/api/moderation/members/${enc(userId)}/sanctions`, { signal });
}

export function fetchLog(filters: LogFilters, cursor: string | null, signal?: AbortSignal) {
  return apiRequest<{ entries: ModerationLogView[]; nextCursor: string | null }>('/api/moderation/log', {
    signal,
    query: { ...filters, cursor },
  });
}

export function fetchJoinRequests(roomId: string, signal?: AbortSignal): Promise<JoinRequestView[]> {
  return apiRequest<JoinRequestView[]>(`/api/rooms/${enc(roomId)}/join-requests`, { signal });
}

export function decideJoinRequest(roomId: string, requestId: string, body: DecideJoinRequest): Promise<void> {
  return apiRequest<void>(`/api/rooms/${enc(roomId)}/join-requests/${enc(requestId)}/decision`, { method: 'POST', body });
}

/** Decisions moderators made about this member or their content. */
export function fetchMyModerationLog(signal?: AbortSignal): Promise<ModerationLogView[]> {
  return apiRequest<ModerationLogView[]>('/api/me/moderation-log', { signal });
}
