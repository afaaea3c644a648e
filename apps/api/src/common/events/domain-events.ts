import { EventEmitter } from 'node:events';
import { Injectable, Logger } from '@nestjs/common';
import type { ChatMessageView, ChatRoomState, MessageRemovedView, NotificationView, QueueItemKind, QueueItemStatus } from '@kindred/contracts';

/**
 * Everything services announce. Services never talk to sockets; `realtime/` listens here
 * and turns events into socket emits (which the Redis adapter carries to every instance).
 */
export interface DomainEventMap {
  'sessions.revoked': { userId: string; sessionIds: string[]; reason: string };
  'chat.message.created': { message: ChatMessageView; excludedUserIds: string[] };
  'chat.message.edited': { message: ChatMessageView; excludedUserIds: string[] };
  'chat.message.removed': MessageRemovedView;
  'chat.room.state': ChatRoomState;
  'notification.created': { userId: string; notification: NotificationView };
  'queue.updated': { itemId: string; roomId: string | null; kind: QueueItemKind; status: QueueItemStatus; severity: number; claimedBy: string | null };
}

type Handler<K extends keyof DomainEventMap> = (payload: DomainEventMap[K]) => void | Promise<void>;

@Injectable()
export class DomainEvents {
  private readonly emitter = new EventEmitter({ captureRejections: true });
  private readonly logger = new Logger('DomainEvents');

  emit<K extends keyof DomainEventMap>(name: K, payload: DomainEventMap[K]): void {
    this.emitter.emit(name, payload);
  }

  on<K extends keyof DomainEventMap>(name: K, handler: Handler<K>): void {
    this.emitter.on(name, (payload: DomainEventMap[K]) => {
      // A failing listener must not break the action that announced the event.
      Promise.resolve()
        .then(() => handler(payload))
        .catch((error: unknown) => this.logger.error({ err: error, event: name }, 'event handler failed'));
    });
  }
}
