import type { JoinRoomRequest, JoinRoomResponse, RedeemInviteRequest, RedeemInviteResponse, RoomDetail, RoomSummary } from '@kindred/contracts';
import { apiRequest } from '../../../shared/lib/api-client';

export function fetchRooms(signal?: AbortSignal): Promise<RoomSummary[]> {
  return apiRequest<RoomSummary[]>('/api/rooms', { signal });
}

/** `room` is a slug or an id. */
export function fetchRoom(room: string, signal?: AbortSignal): Promise<RoomDetail> {
  return apiRequest<RoomDetail>(`/api/rooms/${encodeURIComponent(room)}`, { signal });
}

export function joinRoom(roomId: string, body: JoinRoomRequest): Promise<JoinRoomResponse> {
  return apiRequest<JoinRoomResponse>(`/api/rooms/${encodeURIComponent(roomId)}/join`, { method: 'POST', body });
}

export function leaveRoom(roomId: string): Promise<void> {
  return apiRequest<void>(`/api/rooms/${encodeURIComponent(roomId)}/leave`, { method: 'POST' });
}

/** Follows the room (a notice for each new thread there) or stops following it. */
export function setRoomFollowed(roomId: string, following: boolean): Promise<void> {
  return apiRequest<void>(`/api/rooms/${encodeURIComponent(roomId)}/follow`, { method: following ? 'PUT' : 'DELETE' });
}

/** Joins whichever room the code belongs to (hidden rooms included). */
export function redeemInvite(body: RedeemInviteRequest): Promise<RedeemInviteResponse> {
  return apiRequest<RedeemInviteResponse>('/api/invites/redeem', { method: 'POST', body });
}
