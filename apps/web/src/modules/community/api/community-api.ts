import type {
  AdminUserView,
  ArchiveRoomRequest,
  AppointModeratorRequest,
  ChangeRoleRequest,
  CreateRoomRequest,
  CreateSiteInviteRequest,
  CurrentUser,
  PublicSiteView,
  RoomDetail,
  RoomModeratorView,
  RoomSummary,
  SetCountryResourcesRequest,
  SiteInviteView,
  SiteSettingsView,
  UpdateRoomRequest,
  UpdateSiteSettingsRequest,
} from '@kindred/contracts';
import { apiRequest } from '../../../shared/lib/api-client';

const room = (id: string) => `/api/rooms/${encodeURIComponent(id)}`;

export function fetchSite(signal?: AbortSignal): Promise<PublicSiteView> {
  return apiRequest<PublicSiteView>('/api/site', { signal });
}

export function createRoom(body: CreateRoomRequest): Promise<RoomSummary> {
  return apiRequest<RoomSummary>('/api/rooms', { method: 'POST', body });
}

export function updateRoom(roomId: string, body: UpdateRoomRequest): Promise<RoomDetail> {
  return apiRequest<RoomDetail>(room(roomId), { method: 'PATCH', body });
}

export function setRoomArchived(roomId: string, archived: boolean, body: ArchiveRoomRequest): Promise<void> {
  return apiRequest<void>(`${room(roomId)}/${archived ? 'archive' : 'restore'}`, { method: 'POST', body });
}

export function fetchRoomModerators(roomId: string, signal?: AbortSignal): Promise<RoomModeratorView[]> {
  return apiRequest<RoomModeratorView[]>(`${room(roomId)}/moderators`, { signal });
}

export function appointModerator(roomId: string, body: AppointModeratorRequest): Promise<void> {
  return apiRequest<void>(`${room(roomId)}/moderators`, { method: 'PUT', body });
}

export function removeModerator(roomId: string, userId: string): Promise<void> {
  return apiRequest<void>(`${room(roomId)}/moderators/${encodeURIComponent(userId)}`, { method: 'DELETE' });
}

/** Members whose handle starts with `prefix` (admins only). */
export function findMembers(prefix: string, signal?: AbortSignal): Promise<CurrentUser[]> {
  return apiRequest<CurrentUser[]>('/api/admin/users', { signal, query: { q: prefix, limit: 10 } });
}

export function changeRole(userId: string, body: ChangeRoleRequest): Promise<AdminUserView> {
  return apiRequest<AdminUserView>(`/api/admin/users/${encodeURIComponent(userId)}/role`, { method: 'PATCH', body });
}

export function fetchSiteSettings(signal?: AbortSignal): Promise<SiteSettingsView> {
  return apiRequest<SiteSettingsView>('/api/admin/site-settings', { signal });
}

export function updateSiteSettings(body: UpdateSiteSettingsRequest): Promise<SiteSettingsView> {
  return apiRequest<SiteSettingsView>('/api/admin/site-settings', { method: 'PATCH', body });
}

export function setCountryResources(country: string, body: SetCountryResourcesRequest): Promise<SiteSettingsView> {
  return apiRequest<SiteSettingsView>(`/api/admin/site-settings/crisis-resources/${encodeURIComponent(country)}`, { method: 'PUT', body });
}

export function fetchSiteInvites(signal?: AbortSignal): Promise<SiteInviteView[]> {
  return apiRequest<SiteInviteView[]>('/api/admin/site-invites', { signal });
}

export function createSiteInvite(body: CreateSiteInviteRequest): Promise<SiteInviteView> {
  return apiRequest<SiteInviteView>('/api/admin/site-invites', { method: 'POST', body });
}

export function revokeSiteInvite(id: string): Promise<void> {
  return apiRequest<void>(`/api/admin/site-invites/${encodeURIComponent(id)}`, { method: 'DELETE' });
}
