import type { ConversationInbox, CreateConversationRequest } from '@kindred/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useSocketEvent } from '../../../shared/realtime/use-realtime';
import {
  acceptConversation,
  declineConversation,
  fetchConversation,
  fetchInbox,
  leaveConversation,
  muteConversation,
  startConversation,
} from '../api/conversations-api';

/** Kept in memory only (the query cache), never in browser storage. */
export const INBOX_QUERY_KEY = ['conversations'] as const;
export const conversationQueryKey = (id: string) => ['conversation', id] as const;

export function useInbox(enabled = true) {
  return useQuery({
    queryKey: INBOX_QUERY_KEY,
    queryFn: ({ signal }) => fetchInbox(signal),
    enabled,
    // Changes are announced over the socket (`conversation:changed`); this is the starting point.
    staleTime: 5 * 60_000,
  });
}

export const unreadTotal = (inbox: ConversationInbox | undefined) => inbox?.unreadTotal ?? 0;

/**
 * The server says only which conversation changed (never what); the inbox and that
 * conversation's summary are fetched again, so unread counts stay live.
 */
export function useLiveInbox(): void {
  const client = useQueryClient();
  const onChanged = useCallback(
    ({ conversationId }: { conversationId: string }) => {
      void client.invalidateQueries({ queryKey: INBOX_QUERY_KEY });
      void client.invalidateQueries({ queryKey: conversationQueryKey(conversationId) });
    },
    [client],
  );
  useSocketEvent('conversation:changed', onChanged);
}

export function useConversation(id: string) {
  return useQuery({ queryKey: conversationQueryKey(id), queryFn: ({ signal }) => fetchConversation(id, signal), staleTime: 60_000 });
}

function useInboxMutation<A, R>(fn: (arg: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => client.invalidateQueries({ predicate: (q) => ['conversations', 'conversation'].includes(String(q.queryKey[0])) }),
  });
}

export const useStartConversation = () => useInboxMutation((body: CreateConversationRequest) => startConversation(body));
export const useAcceptConversation = () => useInboxMutation(acceptConversation);
export const useDeclineConversation = () => useInboxMutation(declineConversation);
export const useLeaveConversation = () => useInboxMutation(leaveConversation);
export const useMuteConversation = () => useInboxMutation(({ id, muted }: { id: string; muted: boolean }) => muteConversation(id, muted));
