import { Role, RoomRole, type RoomSummary } from '@kindred/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSession } from '../../auth/hooks/use-session';
import { useRooms } from '../../rooms/hooks/use-rooms';
import {
  fetchRoomModerators,
  fetchSite,
  fetchSiteInvites,
  fetchSiteSettings,
  findMembers,
} from '../api/community-api';

export const communityKeys = {
  site: ['site'] as const,
  settings: ['community', 'settings'] as const,
  invites: ['community', 'invites'] as const,
  moderators: (roomId: string) => ['community', 'moderators', roomId] as const,
  members: (prefix: string) => ['community', 'members', prefix] as const,
};

/**
 * Who may open the Community screens: admins see everything; site-wide moderators, who moderate
 * every room, the room-level screens of every room; room moderators those of their own rooms.
 */
export function useCommunityAccess(): { admin: boolean; rooms: RoomSummary[]; allowed: boolean; ready: boolean } {
  const { user } = useSession();
  const directory = useRooms();
  const admin = user?.role === Role.Admin;
  const everyRoom = admin || user?.role === Role.Moderator;
  const rooms = (directory.data ?? []).filter((room) => everyRoom || room.viewer?.role === RoomRole.Moderator);
  return { admin, rooms, allowed: !!user && (everyRoom || rooms.length > 0), ready: everyRoom || !directory.isPending };
}

export function useSite() {
  return useQuery({ queryKey: communityKeys.site, queryFn: ({ signal }) => fetchSite(signal) });
}

export function useSiteSettings() {
  return useQuery({ queryKey: communityKeys.settings, queryFn: ({ signal }) => fetchSiteSettings(signal) });
}

export function useSiteInvites() {
  return useQuery({ queryKey: communityKeys.invites, queryFn: ({ signal }) => fetchSiteInvites(signal) });
}

export function useRoomModerators(roomId: string) {
  return useQuery({ queryKey: communityKeys.moderators(roomId), queryFn: ({ signal }) => fetchRoomModerators(roomId, signal) });
}

/** Searches only once something is typed; admins only. */
export function useMemberSearch(prefix: string) {
  const trimmed = prefix.trim();
  return useQuery({ queryKey: communityKeys.members(trimmed), queryFn: ({ signal }) => findMembers(trimmed, signal), enabled: trimmed.length >= 2 });
}

/** A mutation that refreshes what it changed (and the room directory) when it succeeds. */
export function useCommunityMutation<TArgs, TResult>(action: (args: TArgs) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: action,
    onSuccess: () => client.invalidateQueries({ predicate: (q) => ['community', 'site', 'rooms', 'room'].includes(String(q.queryKey[0])) }),
  });
}
