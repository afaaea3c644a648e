import { Inject } from '@nestjs/common';
import { type OnGatewayConnection, type OnGatewayDisconnect, type OnGatewayInit, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import { CHAT_NAMESPACE, ChatClientEvent, ConversationClientEvent, ErrorCode, SessionClientEvent, type ChatError } from '@kindred/contracts';
import { AccessService, type Actor } from '../access/access.service.js';
import { SessionService } from '../auth/session.service.js';
import { ChatModerationService } from '../chat/chat-moderation.service.js';
import { ChatHistoryService } from '../chat/chat-history.service.js';
import { ChatMessagesService } from '../chat/chat-messages.service.js';
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
import { SharedLimits, type WindowCounter } from '../common/limits/shared-limits.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { SessionAttendDto, SessionCheckInDto, SessionPauseDto, SessionPhaseDto } from '../support-sessions/dto/session-mode.dto.js';
import { SessionModeService } from '../support-sessions/session-mode.service.js';
import { ChatBroadcaster } from './chat-broadcaster.service.js';
import { ConversationSockets } from './conversation-sockets.js';
import { PresenceService } from './presence.service.js';
import { socketAuthMiddleware } from './socket-auth.js';
import { channel, type ChatNamespace, type ChatSocket } from './socket-context.js';
import { TokenBucket } from './socket-rate-limiter.js';
import { TypingRelay } from './typing-relay.service.js';
import { parsePayload, respond, WsRefusal } from './ws-handler.js';

/** Re-check the session behind a socket at most this often (revocations also push a disconnect). */
const REVALIDATE_MS = 30_000;

/**
 * Chat sends are counted per member in windows this long (CHAT_MESSAGES_PER_SECOND × 5 per
 * window), across all their sockets and, with REDIS_URL, all instances.
 */
const SEND_WINDOW_MS = 5_000;

type Ack = (response: object) => void;
type EventHandler = (socket: ChatSocket, payload: unknown) => Promise<object>;

/**
 * Splits a socket.io listener's arguments into payload and acknowledgement exactly as Nest's
 * IoAdapter.mapPayload does: a trailing function is the ack; one argument before it is the
 * payload, several are an array, none is undefined.
 */
function splitArgs(args: unknown[]): { payload: unknown; ack?: Ack } {
  const last = args[args.length - 1];
  const ack = typeof last === 'function' ? (last as Ack) : undefined;
  const rest = ack ? args.slice(0, -1) : args;
  return { payload: rest.length <= 1 ? rest[0] : rest, ack };
}

/**
 * The `/chat` namespace. Parses and delegates only: access, persistence and rules live in
 * the chat services; delivery to other sockets happens through domain events.
 *
 * Events reach their handlers through one plain listener shared by every socket, instead of
 * Nest's @SubscribeMessage: Nest builds an rxjs pipeline per event per socket (about 60 KB of
 * heap for each connected socket, and a guard/pipe pass per event), while these handlers need
 * neither (every handler validates its own payload and always acknowledges). Measured in
 * docs/benchmarks.md.
 */
@WebSocketGateway({ namespace: CHAT_NAMESPACE })
export class ChatGateway implements OnGatewayInit<ChatNamespace>, OnGatewayConnection<ChatSocket>, OnGatewayDisconnect<ChatSocket> {
  @WebSocketServer() private readonly server!: ChatNamespace;
  /** Every event, per connection: one socket's flood must not occupy the process. */
  private readonly eventBuckets = new WeakMap<ChatSocket, TokenBucket>();
  private readonly sends: WindowCounter;
  /** Every client event's handler; one dispatcher shared by all sockets looks them up. */
  private readonly handlers: Map<string, EventHandler> = this.bindings();
  private readonly dispatch = this.dispatcher();
  private readonly onDisconnecting = this.disconnectingListener();

  constructor(
    private readonly reading: ChatHistoryService,
    private readonly messages: ChatMessagesService,
    private readonly moderation: ChatModerationService,
    private readonly sessions: SessionService,
    private readonly presence: PresenceService,
    private readonly typing: TypingRelay,
    private readonly broadcaster: ChatBroadcaster,
    private readonly access: AccessService,
    private readonly conversations: ConversationSockets,
    private readonly sessionMode: SessionModeService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    limits: SharedLimits,
  ) {
    this.sends = limits.counter('chat-send', SEND_WINDOW_MS);
  }

  afterInit(server: ChatNamespace): void {
    server.use(socketAuthMiddleware(this.sessions, this.config, (id, role) => this.access.moderationChannels({ id, role })));
    this.broadcaster.attach(server);
    this.presence.attach(server);
  }

  handleConnection(socket: ChatSocket): void {
    const perSecond = this.config.chatMessagesPerSecond;
    this.eventBuckets.set(socket, new TokenBucket(Math.max(60, perSecond * 2), Math.max(20, perSecond)));
    // One catch-all listener and one clean-up listener, both shared: a listener per event per
    // socket cost about 1.5 KB of heap per connection in the socket's listener table alone.
    socket.onAny(this.dispatch);
    socket.on('disconnecting', this.onDisconnecting);
  }

  /** `this` is the socket leaving. */
  private disconnectingListener(): (this: ChatSocket) => void {
    const leftRooms = (socket: ChatSocket, rooms: string[]) => {
      for (const roomId of rooms) {
        this.typing.stop(socket, roomId);
        void this.presence.broadcast(this.server, roomId).catch(() => undefined);
      }
    };
    return function onDisconnecting(this: ChatSocket): void {
      const rooms = [...this.rooms].filter((r) => r.startsWith('room:')).map((r) => r.slice('room:'.length));
      // Once the socket has left, tell each room who is still here and that typing stopped.
      this.once('disconnect', () => leftRooms(this, rooms));
    };
  }

  /** Hands each client event to its handler (`this` is the socket; unknown events are ignored, as before). */
  private dispatcher(): (this: ChatSocket, event: string, ...args: unknown[]) => void {
    const handlers = this.handlers;
    return function dispatch(this: ChatSocket, event: string, ...args: unknown[]): void {
      const handle = handlers.get(event);
      if (!handle) return;
      const { payload, ack } = splitArgs(args);
      // Handlers do not reject (`run` turns every failure into an error ack); an ack to a
      // socket that has gone must not become an unhandled rejection either.
      void handle(this, payload)
        .then((response) => ack?.(response))
        .catch(() => undefined);
    };
  }

  handleDisconnect(): void {
    // Clean-up runs from the 'disconnecting' hook above, where the socket's rooms are still known.
  }

  /** The handler of each client event. */
  private bindings(): Map<string, EventHandler> {
    const handlers: Record<string, EventHandler> = {
      [ChatClientEvent.Join]: (s, p) => this.join(s, p),
      [ChatClientEvent.Leave]: (s, p) => this.leave(s, p),
      [ChatClientEvent.Send]: (s, p) => this.send(s, p),
      [ChatClientEvent.Edit]: (s, p) => this.edit(s, p),
      [ChatClientEvent.Delete]: (s, p) => this.remove(s, p),
      [ChatClientEvent.Typing]: (s, p) => this.typingEvent(s, p),
      [ChatClientEvent.History]: (s, p) => this.history(s, p),
      [ChatClientEvent.MarkRead]: (s, p) => this.markRead(s, p),
      [ChatClientEvent.ModRemove]: (s, p) => this.modRemove(s, p),
      [ChatClientEvent.ModMute]: (s, p) => this.modMute(s, p),
      [ChatClientEvent.ModSlowMode]: (s, p) => this.modSlowMode(s, p),
      [ChatClientEvent.ModLock]: (s, p) => this.modLock(s, p),
      [ChatClientEvent.ModNotice]: (s, p) => this.modNotice(s, p),
      [SessionClientEvent.CheckIn]: (s, p) => this.run(s, async (user) => ({ mode: await this.sessionMode.checkIn(user, await parsePayload(SessionCheckInDto, p)) })),
      [SessionClientEvent.Phase]: (s, p) => this.run(s, async (user) => ({ mode: await this.sessionMode.setPhase(user, await parsePayload(SessionPhaseDto, p)) })),
      [SessionClientEvent.Pause]: (s, p) => this.run(s, async (user) => (await this.sessionMode.pause(user, await parsePayload(SessionPauseDto, p)), {})),
      [SessionClientEvent.Attend]: (s, p) => this.run(s, async (user) => ({ mode: await this.sessionMode.attend(user, await parsePayload(SessionAttendDto, p)) })),
      [ConversationClientEvent.Join]: (s, p) => this.run(s, (user) => this.conversations.join(s, user, p)),
      [ConversationClientEvent.Leave]: (s, p) => this.run(s, (user) => this.conversations.leave(s, user, p)),
      [ConversationClientEvent.Send]: (s, p) => this.run(s, (user) => this.countedSend(user).then(() => this.conversations.send(s, user, p))),
      [ConversationClientEvent.Edit]: (s, p) => this.run(s, (user) => this.conversations.edit(user, p)),
      [ConversationClientEvent.Delete]: (s, p) => this.run(s, (user) => this.conversations.remove(user, p)),
      [ConversationClientEvent.Typing]: (s, p) => this.run(s, (user) => this.conversations.typingEvent(s, user, p)),
      [ConversationClientEvent.Read]: (s, p) => this.run(s, (user) => this.conversations.markRead(user, p)),
    };
    return new Map(Object.entries(handlers));
  }

  join(socket: ChatSocket, payload: unknown) {
    return this.run(socket, async (user) => {
      const dto = await parsePayload(JoinChatDto, payload);
      const channels = [channel.room(dto.roomId), channel.reader(dto.roomId, user.id)];
      const alreadyIn = socket.rooms.has(channels[0]!);
      let result;
      try {
        // The socket enters the channels before messages are read (see ChatHistoryService.join).
        ({ result } = await this.reading.join(user, dto, () => socket.join(channels)));
      } catch (error) {
        if (!alreadyIn) for (const name of channels) await socket.leave(name);
        throw error;
      }
      const presence = await this.presence.snapshot(this.server, dto.roomId, user.id);
      void this.presence.broadcast(this.server, dto.roomId, socket.id).catch(() => undefined);
      return { ...result, presence };
    });
  }

  leave(socket: ChatSocket, payload: unknown) {
    return this.run(socket, async (user) => {
      const dto = await parsePayload(LeaveChatDto, payload);
      await socket.leave(channel.room(dto.roomId));
      await socket.leave(channel.reader(dto.roomId, user.id));
      this.typing.stop(socket, dto.roomId);
      // Told within the presence interval, not before this answer (see PresenceService.broadcast).
      void this.presence.broadcast(this.server, dto.roomId).catch(() => undefined);
      return {};
    });
  }

  send(socket: ChatSocket, payload: unknown) {
    return this.run(socket, async (user) => {
      const dto = await parsePayload(SendMessageDto, payload);
      this.requireJoined(socket, dto.roomId);
      await this.countedSend(user);
      const result = await this.messages.send(user, dto);
      this.typing.stop(socket, dto.roomId);
      return result;
    });
  }

  edit(socket: ChatSocket, payload: unknown) {
    return this.run(socket, async (user) => ({ message: await this.messages.edit(user, await parsePayload(EditMessageDto, payload)) }));
  }

  remove(socket: ChatSocket, payload: unknown) {
    return this.run(socket, async (user) => {
      await this.messages.deleteOwn(user, await parsePayload(MessageRefDto, payload));
      return {};
    });
  }

  typingEvent(socket: ChatSocket, payload: unknown) {
    return this.run(socket, async () => {
      const dto = await parsePayload(TypingDto, payload);
      this.requireJoined(socket, dto.roomId);
      await this.typing.relay(socket, dto.roomId, dto.typing);
      return {};
    });
  }

  history(socket: ChatSocket, payload: unknown) {
    return this.run(socket, async (user) => this.reading.history(user, await parsePayload(HistoryDto, payload)));
  }

  markRead(socket: ChatSocket, payload: unknown) {
    return this.run(socket, async (user) => {
      await this.reading.markRead(user, await parsePayload(MarkReadDto, payload));
      return {};
    });
  }

  modRemove(socket: ChatSocket, payload: unknown) {
    return this.run(socket, async (user) => {
      await this.moderation.removeMessage(user, await parsePayload(RemoveMessageDto, payload));
      return {};
    });
  }

  modMute(socket: ChatSocket, payload: unknown) {
    return this.run(socket, async (user) => this.moderation.mute(user, await parsePayload(MuteMemberDto, payload)));
  }

  modSlowMode(socket: ChatSocket, payload: unknown) {
    return this.run(socket, async (user) => ({ state: await this.moderation.slowMode(user, await parsePayload(SlowModeDto, payload)) }));
  }

  modLock(socket: ChatSocket, payload: unknown) {
    return this.run(socket, async (user) => ({ state: await this.moderation.lock(user, await parsePayload(LockChatDto, payload)) }));
  }

  modNotice(socket: ChatSocket, payload: unknown) {
    return this.run(socket, async (user) => ({ state: await this.moderation.notice(user, await parsePayload(PinnedNoticeDto, payload)) }));
  }

  /** Rate limit, session check, then the handler; always answers with an ack. */
  private run<T extends object>(socket: ChatSocket, work: (user: Actor) => Promise<T>): Promise<({ ok: true } & T) | ChatError> {
    return respond(async () => {
      if (!this.eventBuckets.get(socket)?.take()) throw tooFast();
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

  /** Room and conversation messages share one send budget per member. */
  private async countedSend(user: Actor): Promise<void> {
    const { count } = await this.sends.hit(user.id);
    if (count > (this.config.chatMessagesPerSecond * SEND_WINDOW_MS) / 1000) throw tooFast();
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
