import type {
  AuthorView,
  CareTemplateView,
  CheckInRequest,
  CheckInView,
  CrisisItemsView,
  CrisisLabelMetricsView,
  CrisisLabelRequest,
  CrisisLabelStatus,
  CrisisLabelView,
  ModeratorWellbeingView,
} from '@kindred/contracts';
import { apiRequest } from '../../../shared/lib/api-client';

const item = (id: string) => `/api/moderation/queue/${encodeURIComponent(id)}`;

export const fetchCheckIn = (id: string, signal?: AbortSignal) => apiRequest<CheckInView>(`/api/me/check-ins/${encodeURIComponent(id)}`, { signal });
export const replyToCheckIn = (id: string, body: string) => apiRequest<CheckInView>(`/api/me/check-ins/${encodeURIComponent(id)}/replies`, { method: 'POST', body: { body } });

export const fetchCareTemplates = (signal?: AbortSignal) => apiRequest<CareTemplateView[]>('/api/moderation/care-templates', { signal });
export const fetchItemCheckIns = (itemId: string, signal?: AbortSignal) => apiRequest<CheckInView[]>(`${item(itemId)}/check-ins`, { signal });
export const sendCheckIn = (itemId: string, body: CheckInRequest) => apiRequest<CheckInView>(`${item(itemId)}/check-ins`, { method: 'POST', body });
export const markSupported = (itemId: string, note: string) => apiRequest<void>(`${item(itemId)}/supported`, { method: 'POST', body: { note } });
export const markNotACrisis = (itemId: string) => apiRequest<void>(`${item(itemId)}/not-a-crisis`, { method: 'POST', body: {} });
export const fetchCarers = (itemId: string, signal?: AbortSignal) => apiRequest<AuthorView[]>(`${item(itemId)}/carers`, { signal });
export const handOver = (itemId: string, toUserId: string, note: string) =>
  apiRequest<void>(`${item(itemId)}/hand-over`, { method: 'POST', body: { toUserId, ...(note ? { note } : {}) } });
export const fetchCrisisItems = (signal?: AbortSignal) => apiRequest<CrisisItemsView>('/api/moderation/crisis-items', { signal });

/** Unfold (or fold again) a crisis or harm item; the server remembers it for this moderator. */
export const setRevealed = (itemId: string, revealed: boolean) => apiRequest<void>(`${item(itemId)}/reveal`, { method: revealed ? 'PUT' : 'DELETE' });
export const fetchMyWellbeing = (signal?: AbortSignal) => apiRequest<ModeratorWellbeingView>('/api/me/moderation/wellbeing', { signal });

/** The detector's learning loop: labels from moderators, figures for all of them, review and export for admins. */
export const labelForDetector = (body: CrisisLabelRequest) => apiRequest<CrisisLabelView>('/api/moderation/crisis-labels', { method: 'POST', body });
export const fetchDetectorFigures = (signal?: AbortSignal) => apiRequest<CrisisLabelMetricsView>('/api/moderation/crisis-labels/metrics', { signal });
export const fetchCrisisLabels = (status: CrisisLabelStatus, signal?: AbortSignal) => apiRequest<CrisisLabelView[]>('/api/admin/crisis-labels', { signal, query: { status } });
export const reviewCrisisLabel = (id: string, status: 'accepted' | 'rejected') =>
  apiRequest<CrisisLabelView>(`/api/admin/crisis-labels/${encodeURIComponent(id)}/review`, { method: 'POST', body: { status } });
/** A plain same-origin download (the session cookie goes with it); the words never pass through browser storage. */
export const CRISIS_LABELS_EXPORT_URL = '/api/admin/crisis-labels/export';
