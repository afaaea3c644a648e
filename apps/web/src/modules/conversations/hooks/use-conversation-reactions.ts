import type { ChatMessageView, ConversationReactionsView, ReactionKind } from '@kindred/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useSocketEvent } from '../../../shared/realtime/use-realtime';
import type { MessageReactions } from '../../chat/components/chat-message-item';
import { fetchReactions, setReaction } from '../api/conversations-api';

const reactionsKey = (id: string) => ['conversation-reactions', id] as const;
const NONE = { counts: {}, mine: [] as ReactionKind[] };

/**
 * Supportive reactions in one conversation, as this member sees them: fetched once, again
 * whenever the server says a message's reactions changed (only its id travels).
 */
export function useConversationReactions(conversationId: string): (message: ChatMessageView) => MessageReactions {
  const client = useQueryClient();
  const key = reactionsKey(conversationId);
  const query = useQuery({ queryKey: key, queryFn: ({ signal }) => fetchReactions(conversationId, signal), staleTime: 60_000 });
  const toggle = useMutation({
    mutationFn: ({ messageId, kind, on }: { messageId: string; kind: ReactionKind; on: boolean }) => setReaction(conversationId, messageId, kind, on),
    onSettled: () => client.invalidateQueries({ queryKey: key }),
  });
  const onReacted = useCallback(
    (reacted: { conversationId: string }) => {
      if (reacted.conversationId === conversationId) void client.invalidateQueries({ queryKey: reactionsKey(conversationId) });
    },
    [client, conversationId],
  );
  useSocketEvent('conversation:reacted', onReacted);

  const byMessage = useMemo(() => new Map((query.data ?? ({ messages: [] } as ConversationReactionsView)).messages.map((m) => [m.messageId, m])), [query.data]);
  const { mutate } = toggle;
  return useCallback(
    (message: ChatMessageView) => {
      const seen = byMessage.get(message.id) ?? NONE;
      return { counts: seen.counts, mine: seen.mine, onToggle: (kind, on) => mutate({ messageId: message.id, kind, on }) };
    },
    [byMessage, mutate],
  );
}
