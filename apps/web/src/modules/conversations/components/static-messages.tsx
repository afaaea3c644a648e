import type { ChatItem } from '@kindred/contracts';
import { useWarningPreferences } from '../../content-warnings/hooks/use-warning-preferences';
import { ChatMessageList } from '../../chat/components/chat-message-list';
import type { RoomChatSnapshot } from '../../chat/lib/room-chat-store';

const nothing = () => undefined;
const noEdit = async () => null;

/** Messages shown as they are, not live (a request's first message, or one still waiting for an answer). */
export function StaticMessages({ items, viewer }: { items: ChatItem[]; viewer: { id: string; handle: string } }) {
  const preferences = useWarningPreferences(true);
  const snapshot: RoomChatSnapshot = {
    phase: 'ready',
    joins: 1,
    problem: null,
    messages: items,
    pending: [],
    hasMore: false,
    loadingOlder: false,
    historyProblem: null,
    state: null,
    presence: null,
    typing: [],
  };
  return (
    <ChatMessageList
      snapshot={snapshot}
      viewer={viewer}
      preferences={preferences.data}
      canModerate={false}
      canAct={false}
      onLoadOlder={nothing}
      onAction={nothing}
      onEdit={noEdit}
      onRetry={nothing}
      onDiscard={nothing}
    />
  );
}
