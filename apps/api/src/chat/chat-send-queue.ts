import { Injectable } from '@nestjs/common';
import { GroupCommit } from '../common/group-commit.js';
import type { ChatMessageRow } from './chat-message-row.js';
import { ChatMessageRepository, type NewChatMessage } from './chat-message.repository.js';

/** A message for the one-statement path; `exempt` writers (moderators) are not held by room rules. */
export type QueuedChatMessage = Omit<NewChatMessage, 'roomId'> & { exempt: boolean };

/**
 * The one-statement send path, with group commit per chat room: sends that arrive while the
 * room's previous write is committing go in together, with consecutive `seq`s in arrival order
 * (docs/benchmarks.md: a room's sends otherwise commit one WAL flush at a time under its row
 * lock). Keyed by the chat room's id only, so any chat channel with a `chat_rooms` row — a
 * private conversation included — can use it unchanged.
 *
 * Each answer is that of `ChatMessageRepository.insertUnlessRuled`: the committed row, or
 * undefined when a room rule might apply (the caller then takes the full transaction).
 */
@Injectable()
export class ChatSendQueue {
  private readonly commits: GroupCommit<QueuedChatMessage, ChatMessageRow | undefined>;

  constructor(messages: ChatMessageRepository) {
    this.commits = new GroupCommit({
      one: (roomId, m) => messages.insertUnlessRuled({ ...m, roomId }, m.exempt),
      many: (roomId, batch) => messages.insertManyUnlessRuled(roomId, batch),
    });
  }

  /** Sends to this room waiting for the one being committed (tests watch a batch form). */
  waitingFor(roomId: string): number {
    return this.commits.waitingFor(roomId);
  }

  insert(roomId: string, message: QueuedChatMessage): Promise<ChatMessageRow | undefined> {
    return this.commits.write(roomId, message);
  }
}
