import type { ChatMessageView, HiddenChatMessage } from '@kindred/contracts';

/** A chat message as the server sends it, for the web chat's unit tests. */
export function chatMessage(seq: number, change: Partial<ChatMessageView> = {}): ChatMessageView {
  return {
    kind: 'message',
    id: `m${seq}`,
    roomId: 'room-1',
    seq,
    clientId: `c${seq}`,
    author: { id: 'author-1', handle: 'willow' },
    body: `message ${seq}`,
    warning: { categories: [], note: null },
    presentation: 'show',
    replyToMessageId: null,
    createdAt: new Date(Date.UTC(2026, 0, 1, 12, 0, seq)).toISOString(),
    editedAt: null,
    ...change,
  };
}

export function hiddenMessage(seq: number): HiddenChatMessage {
  return { kind: 'hidden', roomId: 'room-1', seq, createdAt: new Date(Date.UTC(2026, 0, 1, 12, 0, seq)).toISOString(), reason: 'your-settings' };
}
