import { EventEmitter } from 'node:events';
import { Injectable, Logger } from '@nestjs/common';
import type {
  ChatMessageView,
  ChatRoomState,
  MessageRemovedView,
  NotificationView,
  QueueItemKind,
  QueueItemStatus,
  Role,
  SessionEndReason,
  SessionModeView,
  SessionPauseView,
} from '@kindred/contracts';

/**
 * Everything services announce. Services never talk to sockets; `realtime/` listens here
 * and turns events into socket emits (which the Redis adapter carries to every instance).
 */
/**
 * Who gets a chat message: everyone in its channel but `excludedUserIds` (a placeholder only),
 * and `folded` readers get it behind their own filter's label (their personal `warn` filters).
 */
export interface ChatDelivery {
  message: ChatMessageView;
  excludedUserIds: string[];
  folded?: { userId: string; label: string | null }[];
}

export interface DomainEventMap {
  'sessions.revoked': { userId: string; sessionIds: string[]; reason: SessionEndReason };
  'chat.message.created': ChatDelivery;
  'chat.message.edited': ChatDelivery;
  'chat.message.removed': MessageRemovedView;
  'chat.room.state': ChatRoomState;
  'notification.created': { userId: string; notification: NotificationView };
  /**
   * A room's support session changed mode (opened, a turn, a phase, closed). `excludedUserIds`
   * blocked someone who took a turn: they get their own `personal` view instead of `mode`.
   */
  'support-session.mode': { mode: SessionModeView; excludedUserIds: string[]; personal: { userId: string; mode: SessionModeView }[] };
  /** The facilitator called a grounding pause for everyone in the room's chat. */
  'support-session.pause': SessionPauseView;
  /** These members' inboxes changed (a request, an acceptance, a new message); muted members are left out by the sender. */
  'conversation.updated': { conversationId: string; userIds: string[] };
  /** Reactions on a conversation's message changed: those hearing it fetch them again. */
  'conversation.reacted': { conversationId: string; messageId: string };
  'queue.updated': { itemId: string; roomId: string | null; kind: QueueItemKind; status: QueueItemStatus; severity: number; claimedBy: string | null };
  // What cached access decisions depend on (see CARRIED_EVENTS). `roomId: null` means every room.
  /** A sanction imposed or lifted. */
  'member.sanctioned': { userId: string; roomId: string | null; sanctionId: string; change: 'imposed' | 'lifted' };
  'membership.changed': { userId: string; roomId: string | null };
  'role.changed': { userId: string; role: Role };
  'room.updated': { roomId: string };
  'block.changed': { blockerId: string; blockedId: string };
  'preferences.changed': { userId: string };
  /** An admin changed the site settings (registration mode, demo notice, crisis resources). */
  'site-settings.changed': Record<string, never>;
  /** These members' standing in this conversation changed (accepted, declined, left, ended by a block). */
  'conversation.participation.changed': { conversationId: string; userIds: string[] };
}

/**
 * Events every instance must hear, not only the one that announced them: each instance caches
 * decisions that depend on them (the gate's room facts, viewers' filters). With REDIS_URL the
 * EventRelay carries them; without it there is only this process.
 */
export const CARRIED_EVENTS = [
  'member.sanctioned',
  'membership.changed',
  'role.changed',
  'room.updated',
  'block.changed',
  'preferences.changed',
  'conversation.participation.changed',
  'site-settings.changed',
] as const;
export type CarriedEvent = (typeof CARRIED_EVENTS)[number];

/** Sends a carried event to the other instances; resolves once Redis took it (or it is queued). */
export type EventCarrier = (name: CarriedEvent, payload: DomainEventMap[CarriedEvent]) => Promise<void>;

type Handler<K extends keyof DomainEventMap> = (payload: DomainEventMap[K]) => void | Promise<void>;

@Injectable()
export class DomainEvents {
  private readonly emitter = new EventEmitter({ captureRejections: true });
  private readonly logger = new Logger('DomainEvents');

  private carrier?: EventCarrier;

  emit<K extends keyof DomainEventMap>(name: K, payload: DomainEventMap[K]): void {
    this.emitter.emit(name, payload);
  }

  /**
   * A change cached decisions depend on, after its transaction committed: this instance's
   * listeners run at once, and the call resolves when the other instances have been sent it,
   * so the caller answers only after every instance can know (see EventRelay).
   */
  async announce<K extends CarriedEvent>(name: K, payload: DomainEventMap[K]): Promise<void> {
    this.emitter.emit(name, payload);
    await this.carrier?.(name, payload);
  }

  /** An event another instance announced: only this instance's listeners hear it. */
  deliverFromPeer<K extends CarriedEvent>(name: K, payload: DomainEventMap[K]): void {
    this.emitter.emit(name, payload);
  }

  /** Set by EventRelay when REDIS_URL joins instances. */
  carryWith(carrier: EventCarrier): void {
    this.carrier = carrier;
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
