import { Injectable } from '@nestjs/common';
import { ChatServerEvent, ConversationServerEvent, Role, SessionServerEvent, type ChatMessageView } from '@kindred/contracts';
import { AccessService } from '../access/access.service.js';
import { roleAtLeast } from '../access/actions.js';
import { foldedCopy, hiddenChatMessage } from '../chat/chat-message-row.js';
import { DomainEvents, type ChatDelivery } from '../common/events/domain-events.js';
import { channel, type ChatNamespace } from './socket-context.js';

/** Turns domain events into socket emits; the adapter fans them out to every instance. */
@Injectable()
export class ChatBroadcaster {
  private server?: ChatNamespace;

  constructor(
    private readonly events: DomainEvents,
    private readonly access: AccessService,
  ) {}

  attach(server: ChatNamespace): void {
    if (this.server) return;
    this.server = server;
    this.events.on('chat.message.created', (delivery) => this.deliver(server, ChatServerEvent.Message, delivery));
    this.events.on('chat.message.edited', (delivery) => this.deliver(server, ChatServerEvent.MessageEdited, delivery));
    this.events.on('chat.message.removed', (removed) => {
      server.to(channel.room(removed.roomId)).emit(ChatServerEvent.MessageRemoved, removed);
    });
    this.events.on('chat.room.state', (state) => {
      server.to(channel.room(state.roomId)).emit(ChatServerEvent.RoomState, state);
    });
    this.events.on('support-session.mode', ({ mode, excludedUserIds, personal }) => {
      server.to(channel.room(mode.roomId)).except(excludedUserIds.map(channel.user)).emit(SessionServerEvent.Mode, mode);
      for (const view of personal) server.to(channel.reader(mode.roomId, view.userId)).emit(SessionServerEvent.Mode, view.mode);
    });
    this.events.on('support-session.pause', (pause) => {
      server.to(channel.room(pause.roomId)).emit(SessionServerEvent.Pause, pause);
    });
    this.events.on('notification.created', ({ userId, notification }) => {
      server.to(channel.user(userId)).emit(ChatServerEvent.Notification, notification);
    });
    this.events.on('conversation.updated', ({ conversationId, userIds }) => {
      if (userIds.length > 0) server.to(userIds.map(channel.user)).emit(ConversationServerEvent.Changed, { conversationId });
    });
    this.events.on('conversation.reacted', (reacted) => {
      server.to(channel.room(reacted.conversationId)).emit(ConversationServerEvent.Reacted, reacted);
    });
    this.events.on('queue.updated', (update) => {
      const rooms = update.roomId ? [channel.moderators(update.roomId), channel.globalModerators] : [channel.globalModerators];
      server.to(rooms).emit(ChatServerEvent.QueueUpdated, update);
    });
    this.events.on('sessions.revoked', ({ sessionIds, reason }) => {
      const rooms = sessionIds.map(channel.session);
      server.in(rooms).emit(ChatServerEvent.SessionEnded, { reason });
      server.in(rooms).disconnectSockets(true);
    });
    // Carried to every instance: someone who declined, left or ended a conversation by a block
    // stops hearing it at once, on whichever instance their sockets are.
    this.events.on('conversation.participation.changed', async ({ conversationId, userIds }) => {
      for (const userId of userIds) {
        for (const socket of await server.local.in(channel.user(userId)).fetchSockets()) {
          socket.leave(channel.room(conversationId));
          socket.leave(channel.reader(conversationId, userId));
        }
      }
    });
    // Carried to every instance: a room moderator appointed (or stepped down) starts (or stops)
    // hearing that room's queue on the sockets they have open, not only after reconnecting.
    this.events.on('membership.changed', async ({ userId }) => {
      const sockets = await server.local.in(channel.user(userId)).fetchSockets();
      if (sockets.length === 0) return;
      const rooms = await this.access.moderationChannels({ id: userId, role: sockets[0]!.data.role });
      // Staff hear every room through the global channel (kept by role.changed below).
      if (rooms === null) return;
      const wanted = new Set(rooms.map(channel.moderators));
      for (const socket of sockets) {
        for (const joined of socket.rooms) if (joined.startsWith(channel.moderators('')) && !wanted.has(joined)) socket.leave(joined);
        socket.join([...wanted]);
      }
    });
    // Carried to every instance: each brings its own sockets of the member up to date, so the
    // gate hears the new role on their next event and staff hear every room's queue.
    this.events.on('role.changed', async ({ userId, role }) => {
      for (const socket of await server.local.in(channel.user(userId)).fetchSockets()) {
        socket.data.role = role;
        if (roleAtLeast(role, Role.Moderator)) socket.join(channel.globalModerators);
        else socket.leave(channel.globalModerators);
      }
    });
  }

  /**
   * `hide`, blocks and personal filters are applied here: excluded members' sockets never receive
   * the message, and readers whose own `warn` filter matched get only their folded copy.
   */
  private deliver(server: ChatNamespace, event: typeof ChatServerEvent.Message | typeof ChatServerEvent.MessageEdited, { message, excludedUserIds, folded = [] }: ChatDelivery): void {
    server.to(channel.room(message.roomId)).except([...excludedUserIds, ...folded.map((f) => f.userId)].map(channel.user)).emit(event, message);
    this.placeholders(server, message, excludedUserIds);
    const byLabel = new Map<string | null, string[]>();
    for (const { userId, label } of folded) byLabel.set(label, [...(byLabel.get(label) ?? []), userId]);
    for (const [label, userIds] of byLabel) {
      server.to(userIds.map((id) => channel.reader(message.roomId, id))).emit(event, foldedCopy(message, { label }));
    }
  }

  /**
   * Those left out, if they are in this room's chat, get only the message's place: the quiet
   * "hidden by your settings" line stays true live, and nothing of the message reaches them.
   */
  private placeholders(server: ChatNamespace, message: ChatMessageView, excludedUserIds: string[]): void {
    if (excludedUserIds.length === 0) return;
    server.to(excludedUserIds.map((id) => channel.reader(message.roomId, id))).emit(ChatServerEvent.MessageHidden, hiddenChatMessage(message));
  }
}
