import type { JoinRoomRequest, RedeemInviteRequest } from '@kindred/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchRoom, fetchRooms, joinRoom, leaveRoom, redeemInvite, setRoomFollowed } from '../api/rooms-api';

export const roomKeys = {
  directory: ['rooms'] as const,
  detail: (room: string) => ['room', room] as const,
};

export function useRooms() {
  return useQuery({ queryKey: roomKeys.directory, queryFn: ({ signal }) => fetchRooms(signal) });
}

export function useRoom(room: string | undefined, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: roomKeys.detail(room ?? ''),
    queryFn: ({ signal }) => fetchRoom(room!, signal),
    enabled: !!room && (options.enabled ?? true),
  });
}

/** After joining or leaving, everything about rooms and their threads is refetched. */
function useRefreshRooms() {
  const client = useQueryClient();
  return () =>
    client.invalidateQueries({ predicate: (q) => ['rooms', 'room', 'threads'].includes(String(q.queryKey[0])) });
}

export function useJoinRoom(roomId: string) {
  const refresh = useRefreshRooms();
  return useMutation({
    mutationFn: (body: JoinRoomRequest) => joinRoom(roomId, body),
    onSuccess: refresh,
  });
}

export function useLeaveRoom(roomId: string) {
  const refresh = useRefreshRooms();
  return useMutation({ mutationFn: () => leaveRoom(roomId), onSuccess: refresh });
}

/** Following changes only the viewer's state in this room, so only the room's detail is refetched. */
export function useFollowRoom(roomId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (following: boolean) => setRoomFollowed(roomId, following),
    onSuccess: () => client.invalidateQueries({ queryKey: ['room'] }),
  });
}

export function useRedeemInvite() {
  const refresh = useRefreshRooms();
  return useMutation({ mutationFn: (body: RedeemInviteRequest) => redeemInvite(body), onSuccess: refresh });
}
