import { Inject } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  type OnGatewayConnection,
  type OnGatewayDisconnect,
  type OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import { CHAT_NAMESPACE, ChatClientEvent, ErrorCode, type ChatError } from '@kindred/contracts';
import type { Actor } from '../access/access.service.js';
import { SessionService } from '../auth/session.service.js';
import { ChatModerationService } from '../chat/chat-moderation.service.js';
import { ChatService } from '../chat/chat.service.js';
import {
  EditMessageDto,
  HistoryDto,
  JoinChatDto,
  LeaveChatDto,
  LockChatDto,
  MarkReadDto,
  MessageRefDto,
  MuteMemberDto,
  PinnedNoticeDto,
  RemoveMessageDto,
  SendMessageDto,
  SlowModeDto,
  TypingDto,
} from '../chat/dto/chat-payloads.dto.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { QueueService } from '../moderation/queue.service.js';
import { ChatBroadcaster } from './chat-broadcaster.service.js';
import { PresenceService } from './presence.service.js';
import { socketAuthMiddleware } from './socket-auth.js';
import { channel, type ChatNamespace, type ChatSocket } from './socket-context.js';
import { TokenBucket } from './socket-rate-limiter.js';
import { TypingRelay } from './typing-relay.service.js';
import { parsePayload, respond, WsRefusal } from './ws-handler.js';

/** Re-check the session behind a socket at most this often (revocations also push a disconnect). */
const REVALIDATE_MS = 30_000;

interface SocketLimits {
  events: TokenBucket;
  sends: TokenBucket;
}

/**
 * The `/chat` namespace. Parses and delegates only: access, persistence and rules live in
 * the chat services; delivery to other sockets happens through domain events.
 */
@WebSocketGateway({ namespace: CHAT_NAMESPACE })
export class ChatGateway implements OnGatewayInit<ChatNamespace>, OnGatewayConnection<ChatSocket>, OnGatewayDisconnect<ChatSocket> {
  @WebSocketServer() private readonly server!: ChatNamespace;
  private readonly limits = new WeakMap<ChatSocket, SocketLimits>();

  constructor(
    private readonly chat: ChatService,
    private readonly moderation: ChatModerationService,
    private readonly sessions: SessionService,
    private readonly presence: PresenceService,
    private readonly typing: TypingRelay,
    private readonly broadcaster: ChatBroadcaster,
    private readonly queue: QueueService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  afterInit(server: ChatNamespace): void {
    server.use(socketAuthMiddleware(this.sessions, this.config, (id, role) => this.queue.moderatedRooms({ id, role })));
    this.broadcaster.attach(server);
  }

  handleConnection(socket: ChatSocket): void {
    const perSecond = this.config.chatMessagesPerSecond;
    this.limits.set(socket, { events: new TokenBucket(Math.max(60, perSecond * 2), Math.max(20, perSecond)), sends: new TokenBucket(perSecond * 5, perSecond) });
    socket.on('disconnecting', () => {
      const rooms = [...socket.rooms].filter((r) => r.startsWith('room:')).map((r) => r.slice('room:'.length));
      // Once the socket has left, tell each room who is still here and that typing stopped.
      socket.once('disconnect', () => {
        for (const roomId of rooms) {
          this.typing.stop(socket, roomId);
          void this.presence.broadcast(this.server, roomId).catch(() => undefined);
        }
      });
    });
  }

  handleDisconnect(): void {
    // Clean-up runs from the 'disconnecting' hook above, where the socket's rooms are still known.
  }

  @SubscribeMessage(ChatClientEvent.Join)
  join(@ConnectedSocket() socket: ChatSocket, @MessageBody() payload: unknown) {
    return this.run(socket, async (user) => {
      const dto = await parsePayload(JoinChatDto, payload);
      const { result } = await this.chat.join(user, dto);
      await socket.join(channel.room(dto.roomId));
      const presence = await this.presence.snapshot(this.server, dto.roomId);
      socket.to(channel.room(dto.roomId)).emit('presence', presence);
      return { ...result, presence };
    });
  }

  @SubscribeMessage(ChatClientEvent.Leave)
  leave(@ConnectedSocket() socket: ChatSocket, @MessageBody() payload: unknown) {
    return this.run(socket, async () => {
      const dto = await parsePayload(LeaveChatDto, payload);
      await socket.leave(channel.room(dto.roomId));
      this.typing.stop(socket, dto.roomId);
      await this.presence.broadcast(this.server, dto.roomId);
      return {};
    });
  }

  @SubscribeMessage(ChatClientEvent.Send)
  send(@ConnectedSocket() socket: ChatSocket, @MessageBody() payload: unknown) {
    return this.run(socket, async (user) => {
      const dto = await parsePayload(SendMessageDto, payload);
      this.requireJoined(socket, dto.roomId);
      if (!this.limits.get(socket)!.sends.take()) throw tooFast();
      const result = await this.chat.send(user, dto);
      this.typing.stop(socket, dto.roomId);
      return result;
    });
  }

  @SubscribeMessage(ChatClientEvent.Edit)
  edit(@ConnectedSocket() socket: ChatSocket, @MessageBody() payload: unknown) {
    return this.run(socket, async (user) => ({ message: await this.chat.edit(user, await parsePayload(EditMessageDto, payload)) }));
  }

  @SubscribeMessage(ChatClientEvent.Delete)
  remove(@ConnectedSocket() socket: ChatSocket, @MessageBody() payload: unknown) {
    return this.run(socket, async (user) => {
      await this.chat.deleteOwn(user, await parsePayload(MessageRefDto, payload));
      return {};
    });
  }

  @SubscribeMessage(ChatClientEvent.Typing)
  typingEvent(@ConnectedSocket() socket: ChatSocket, @MessageBody() payload: unknown) {
    return this.run(socket, async () => {
      const dto = await parsePayload(TypingDto, payload);
      this.requireJoined(socket, dto.roomId);
      await this.typing.relay(socket, dto.roomId, dto.typing);
      return {};
    });
  }

  @SubscribeMessage(ChatClientEvent.History)
  history(@ConnectedSocket() socket: ChatSocket, @MessageBody() payload: unknown) {
    return this.run(socket, async (user) => this.chat.history(user, await parsePayload(HistoryDto, payload)));
  }

  @SubscribeMessage(ChatClientEvent.MarkRead)
  markRead(@ConnectedSocket() socket: ChatSocket, @MessageBody() payload: unknown) {
    return this.run(socket, async (user) => {
      await this.chat.markRead(user, await parsePayload(MarkReadDto, payload));
      return {};
    });
  }

  @SubscribeMessage(ChatClientEvent.ModRemove)
  modRemove(@ConnectedSocket() socket: ChatSocket, @MessageBody() payload: unknown) {
    return this.run(socket, async (user) => {
      await this.moderation.removeMessage(user, await parsePayload(RemoveMessageDto, payload));
      return {};
    });
  }

  @SubscribeMessage(ChatClientEvent.ModMute)
  modMute(@ConnectedSocket() socket: ChatSocket, @MessageBody() payload: unknown) {
    return this.run(socket, async (user) => this.moderation.mute(user, await parsePayload(MuteMemberDto, payload)));
  }

  @SubscribeMessage(ChatClientEvent.ModSlowMode)
  modSlowMode(@ConnectedSocket() socket: ChatSocket, @MessageBody() payload: unknown) {
    return this.run(socket, async (user) => ({ state: await this.moderation.slowMode(user, await parsePayload(SlowModeDto, payload)) }));
  }

  @SubscribeMessage(ChatClientEvent.ModLock)
  modLock(@ConnectedSocket() socket: ChatSocket, @MessageBody() payload: unknown) {
    return this.run(socket, async (user) => ({ state: await this.moderation.lock(user, await parsePayload(LockChatDto, payload)) }));
  }

  @SubscribeMessage(ChatClientEvent.ModNotice)
  modNotice(@ConnectedSocket() socket: ChatSocket, @MessageBody() payload: unknown) {
    return this.run(socket, async (user) => ({ state: await this.moderation.notice(user, await parsePayload(PinnedNoticeDto, payload)) }));
  }

  /** Rate limit, session check, then the handler; always answers with an ack. */
  private run<T extends object>(socket: ChatSocket, work: (user: Actor) => Promise<T>): Promise<({ ok: true } & T) | ChatError> {
    return respond(async () => {
      if (!this.limits.get(socket)?.events.take()) throw tooFast();
      if (Date.now() - socket.data.validatedAt > REVALIDATE_MS) {
        if (!(await this.sessions.isLive(socket.data.sessionId))) {
          setImmediate(() => socket.disconnect(true));
          throw new WsRefusal({ ok: false, code: ErrorCode.Unauthenticated, message: 'Your session has ended. Please sign in again.' });
        }
        socket.data.validatedAt = Date.now();
      }
      return work({ id: socket.data.userId, role: socket.data.role });
    });
  }

  private requireJoined(socket: ChatSocket, roomId: string): void {
    if (!socket.rooms.has(channel.room(roomId))) {
      throw new WsRefusal({ ok: false, code: ErrorCode.NotInRoom, message: 'Join this room’s chat first.' });
    }
  }
}

function tooFast(): WsRefusal {
  return new WsRefusal({ ok: false, code: ErrorCode.RateLimited, message: 'That is a lot at once. Take a breath and try again in a moment.' });
}
