import type { LiveSessionResponse, RoomSessionsView, RsvpResponse, ScheduleSessionRequest, SupportSessionView } from '@kindred/contracts';
import { apiRequest } from '../../../shared/lib/api-client';

const base = (roomId: string) => `/api/rooms/${encodeURIComponent(roomId)}/sessions`;

/** Served by Kindred itself: the member's RSVPs as a calendar file (no calendar service is called). */
export const CALENDAR_FILE_URL = '/api/sessions/calendar.ics';

export function fetchRoomSessions(roomId: string, signal?: AbortSignal): Promise<RoomSessionsView> {
  return apiRequest<RoomSessionsView>(base(roomId), { signal });
}

export function fetchLiveSession(roomId: string, signal?: AbortSignal): Promise<LiveSessionResponse> {
  return apiRequest<LiveSessionResponse>(`${base(roomId)}/live`, { signal });
}

export function scheduleSession(roomId: string, body: ScheduleSessionRequest): Promise<SupportSessionView> {
  return apiRequest<SupportSessionView>(base(roomId), { method: 'POST', body });
}

export function cancelSession(roomId: string, sessionId: string): Promise<void> {
  return apiRequest<void>(`${base(roomId)}/${sessionId}`, { method: 'DELETE' });
}

export function setRsvp(roomId: string, sessionId: string, going: boolean): Promise<RsvpResponse> {
  return apiRequest<RsvpResponse>(`${base(roomId)}/${sessionId}/rsvp`, { method: going ? 'PUT' : 'DELETE' });
}
