import type { ScheduleSessionRequest } from '@kindred/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { cancelSession, fetchRoomSessions, scheduleSession, setRsvp } from '../api/sessions-api';

export const sessionKeys = {
  room: (roomId: string) => ['support-sessions', roomId] as const,
};

export function useRoomSessions(roomId: string | undefined, enabled = true) {
  return useQuery({ queryKey: sessionKeys.room(roomId ?? ''), queryFn: ({ signal }) => fetchRoomSessions(roomId!, signal), enabled: !!roomId && enabled });
}

function useRefresh(roomId: string) {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: sessionKeys.room(roomId) });
}

export function useScheduleSession(roomId: string) {
  const refresh = useRefresh(roomId);
  return useMutation({ mutationFn: (body: ScheduleSessionRequest) => scheduleSession(roomId, body), onSuccess: refresh });
}

export function useRsvp(roomId: string) {
  const refresh = useRefresh(roomId);
  return useMutation({ mutationFn: ({ sessionId, going }: { sessionId: string; going: boolean }) => setRsvp(roomId, sessionId, going), onSuccess: refresh });
}

export function useCancelSession(roomId: string) {
  const refresh = useRefresh(roomId);
  return useMutation({ mutationFn: (sessionId: string) => cancelSession(roomId, sessionId), onSuccess: refresh });
}
