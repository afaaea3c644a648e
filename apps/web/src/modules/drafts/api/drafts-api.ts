import type { DraftKind, DraftLookup, DraftView, SaveDraftRequest } from '@kindred/contracts';
import { apiRequest } from '../../../shared/lib/api-client';

const path = (kind: DraftKind, targetId: string) => `/api/me/drafts/${kind}/${encodeURIComponent(targetId)}`;

export function fetchDraft(kind: DraftKind, targetId: string, signal?: AbortSignal): Promise<DraftLookup> {
  return apiRequest<DraftLookup>(path(kind, targetId), { signal });
}

/** `keepalive` when the page is being hidden or left: the save still reaches the server. */
export function saveDraft(kind: DraftKind, targetId: string, body: SaveDraftRequest, keepalive = false): Promise<DraftView> {
  return apiRequest<DraftView>(path(kind, targetId), { method: 'PUT', body, keepalive });
}

export function discardDraft(kind: DraftKind, targetId: string, keepalive = false): Promise<void> {
  return apiRequest<void>(path(kind, targetId), { method: 'DELETE', keepalive });
}
