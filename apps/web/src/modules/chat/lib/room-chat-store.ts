import type {
  AuthorView,
  ChatError,
  ChatItem,
  ChatMessageView,
  ChatRoomState,
  ChatServerToClientEvents,
  ContentWarningInput,
  CrisisResource,
  MessageRemovedView,
  PresenceView,
} from '@kindred/contracts';
import { ErrorCode } from '@kindred/contracts';
import type { RealtimeSocket } from '../../../shared/realtime/realtime-connection';
import { localRefusal, OFFLINE_MESSAGE, requestOrRefusal } from '../../../shared/realtime/socket-request';
import type { ChatChannel } from './chat-channel';
import { ChatMessageLog } from './chat-message-log';
import { ChatOutbox, type PendingMessage, type SendOutcome } from './chat-outbox';
import { TypingTracker } from './typing-tracker';

export type { PendingMessage, PendingState, SendOutcome } from './chat-outbox';

export interface RoomChatSnapshot {
  phase: 'joining' | 'ready' | 'refused';
  /** How many times the server has accepted a join (the first, then one per reconnect): what was pushed while away is read again. */
  joins: number;
  /** Why joining was refused (not a member of a private room, …). */
  problem: ChatError | null;
  /** Ordered by `seq`, one entry per `seq`: messages, and placeholders for those the member hides. */
  messages: ChatItem[];
  pending: PendingMessage[];
  hasMore: boolean;
  loadingOlder: boolean;
  historyProblem: ChatError | null;
  state: ChatRoomState | null;
  presence: PresenceView | null;
  typing: AuthorView[];
}

const HISTORY_PAGE = 50;
const REJOIN_AFTER_SILENCE_MS = 2_000;

type Handlers = { [E in keyof ChatServerToClientEvents]?: ChatServerToClientEvents[E] };

/**
 * One room's live chat on the shared socket: joins (and rejoins after every reconnect with
 * the last message seen, so the server replays what was missed), and joins the parts that
 * keep the room's state — the message log, the outbox of messages on their way, and who is
 * typing — into one snapshot for the screen.
 */
export class RoomChatStore {
  private snapshot: RoomChatSnapshot = {
    phase: 'joining',
    joins: 0,
    problem: null,
    messages: [],
    pending: [],
    hasMore: false,
    loadingOlder: false,
    historyProblem: null,
    state: null,
    presence: null,
    typing: [],
  };
  private readonly log = new ChatMessageLog();
  private readonly outbox: ChatOutbox;
  private readonly typing: TypingTracker;
  private readonly listeners = new Set<() => void>();
  private handlers: Handlers = {};
  private started = false;
  private joined = false;
  private joinAttempt = 0;
  /** The room's change number at our last join: a replay asks for the edits and removals since. */
  private lastChange: number | undefined;
  private timers = new Set<ReturnType<typeof setTimeout>>();

  /** The id its messages carry: the room's, or the conversation's. */
  readonly roomId: string;

  constructor(
    private readonly socket: RealtimeSocket,
    private readonly channel: ChatChannel,
    private readonly viewerId: string,
    private readonly onSupport: (resources: CrisisResource[], message: ChatMessageView) => void,
  ) {
    this.roomId = channel.id;
    const canSend = () => this.joined && this.socket.connected;
    this.outbox = new ChatOutbox({
      canSend,
      transmit: (pending) => this.channel.send(pending),
      onSent: (message, support) => {
        this.store(message);
        this.publishMessages();
        if (support?.length) this.onSupport(support, message);
      },
      later: (fn, ms) => this.later(fn, ms),
      onChange: (pending) => this.update({ pending }),
    });
    this.typing = new TypingTracker(viewerId, {
      canSend: () => this.joined,
      send: (typing) => this.channel.typing(typing),
      onChange: (typing) => this.update({ typing }),
    });
  }

  // --- subscription (useSyncExternalStore) ---

  getSnapshot = (): RoomChatSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  // --- lifecycle ---

  start(): void {
    if (this.started) return;
    this.started = true;
    this.handlers = {
      'message:new': (message) => this.receive(message),
      'message:edited': (message) => this.receive(message),
      'message:hidden': (hidden) => this.receive(hidden),
      'message:removed': (removed: MessageRemovedView) => {
        if (removed.roomId === this.roomId && this.log.forget(removed.messageId)) this.publishMessages();
      },
      typing: (typing) => {
        if (typing.roomId === this.roomId) this.typing.receive(typing);
      },
      presence: (presence) => {
        if (presence.roomId === this.roomId) this.update({ presence });
      },
      'room:state': (state) => {
        if (state.roomId === this.roomId) this.update({ state });
      },
    };
    for (const [event, handler] of Object.entries(this.handlers)) this.socket.on(event as 'typing', handler as never);
    this.socket.on('connect', this.onConnect);
    this.socket.on('disconnect', this.onDisconnect);
    if (this.socket.connected) void this.join();
  }

  stop(): void {
    if (!this.started) return;
    this.started = false;
    for (const [event, handler] of Object.entries(this.handlers)) this.socket.off(event as 'typing', handler as never);
    this.socket.off('connect', this.onConnect);
    this.socket.off('disconnect', this.onDisconnect);
    this.typing.dispose();
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    if (this.joined && this.socket.connected) this.channel.leave();
    this.joined = false;
    this.joinAttempt += 1;
  }

  private onConnect = () => {
    void this.join();
  };

  private onDisconnect = () => {
    this.joined = false;
    this.typing.reset();
  };

  private later(fn: () => void, ms: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (this.started) fn();
    }, ms);
    this.timers.add(timer);
  }

  // --- joining and replay ---

  private async join(): Promise<void> {
    const attempt = (this.joinAttempt += 1);
    const last = this.log.lastMessage();
    if (!last && this.log.size > 0) {
      // Only placeholders so far: nothing to replay from, so start again from the latest page.
      this.startOver();
    }
    let ack;
    try {
      ack = await this.channel.join(last ? { lastMessageId: last.id, ...this.sinceChange() } : null);
    } catch {
      // No answer: try again while connected; a reconnect starts a new attempt anyway.
      this.later(() => {
        if (attempt === this.joinAttempt && this.socket.connected) void this.join();
      }, REJOIN_AFTER_SILENCE_MS);
      return;
    }
    if (!this.started || attempt !== this.joinAttempt) return;
    if (!ack.ok) {
      if (last && ack.code === ErrorCode.ValidationFailed) {
        // The last message we saw is unknown to the server now: start from the latest page.
        this.startOver();
        return this.join();
      }
      this.update({ phase: 'refused', problem: ack });
      return;
    }
    if (last && ack.truncated) {
      // Too much was missed to replay in one go: show the latest page; history has the rest.
      this.startOver();
      return this.join();
    }
    this.log.applyChanges(ack.changes);
    this.lastChange = ack.lastChange;
    for (const message of ack.messages) this.store(message);
    this.joined = true;
    this.update({
      phase: 'ready',
      joins: this.snapshot.joins + 1,
      problem: null,
      state: ack.state,
      presence: ack.presence,
      // A first join shows the latest page and says whether anything older exists.
      hasMore: last ? this.snapshot.hasMore : ack.hasMore,
      historyProblem: null,
    });
    this.publishMessages();
    this.outbox.flushQueued();
  }

  private startOver(): void {
    this.log.clear();
    this.publishMessages();
  }

  private sinceChange(): { sinceChange?: number } {
    return this.lastChange === undefined ? {} : { sinceChange: this.lastChange };
  }

  // --- incoming messages ---

  private receive(item: ChatItem): void {
    if (item.roomId !== this.roomId) return;
    this.store(item);
    if (item.kind === 'message') this.typing.clear(item.author.id);
    this.publishMessages();
    // An open conversation is being read: its unread count stays at nothing.
    if (item.kind === 'message' && item.author.id !== this.viewerId) this.channel.read?.(item.id);
  }

  private store(item: ChatItem): void {
    this.log.put(item);
    // Our own message arriving (live or in a replay) settles its optimistic copy.
    if (item.kind === 'message' && item.author.id === this.viewerId) this.outbox.settle(item.clientId);
  }

  private publishMessages(): void {
    this.update({ messages: this.log.items() });
  }

  async loadOlder(): Promise<void> {
    const { loadingOlder, hasMore, messages } = this.snapshot;
    if (loadingOlder || !hasMore || !this.joined) return;
    this.update({ loadingOlder: true, historyProblem: null });
    const oldest = messages[0];
    try {
      const ack = await this.channel.history(oldest?.seq, HISTORY_PAGE);
      if (ack.ok) {
        for (const item of ack.messages) this.log.put(item);
        this.update({ hasMore: ack.hasMore });
        this.publishMessages();
      } else {
        this.update({ historyProblem: ack });
      }
    } catch {
      this.update({ historyProblem: localRefusal(OFFLINE_MESSAGE) });
    }
    this.update({ loadingOlder: false });
  }

  // --- sending ---

  /** Sends at once when possible; otherwise keeps it to send after reconnecting. */
  async send(body: string, warning?: ContentWarningInput): Promise<SendOutcome> {
    const clientId = this.outbox.add(body, warning);
    this.typing.stopTyping();
    const outcome = await this.outbox.deliver(clientId);
    // A first refusal goes back to the composer with the words; no failed copy stays behind.
    if (outcome.kind === 'refused') this.outbox.discard(clientId);
    return outcome;
  }

  /** Tries a queued or refused message again, with the same client id. */
  retry(clientId: string): Promise<SendOutcome> {
    return this.outbox.deliver(clientId);
  }

  discard(clientId: string): void {
    this.outbox.discard(clientId);
  }

  // --- own messages ---

  async edit(messageId: string, body: string, warning?: ContentWarningInput): Promise<ChatError | null> {
    const ack = await this.channel.edit(messageId, body, warning);
    if (!ack.ok) return ack;
    this.log.put(ack.message);
    this.publishMessages();
    return null;
  }

  async deleteOwn(messageId: string): Promise<ChatError | null> {
    const ack = await this.channel.remove(messageId);
    if (!ack.ok) return ack;
    if (this.log.forget(messageId)) this.publishMessages();
    return null;
  }

  /** After a block: their messages become placeholders at once, and they no longer show as typing. */
  forgetAuthor(userId: string): void {
    const changed = this.log.hideAuthor(userId);
    this.typing.clear(userId);
    if (changed) this.publishMessages();
  }

  // --- typing ---

  /** Call on every keystroke; sends "typing" at a gentle rate and "stopped" after a pause. */
  noteTyping(): void {
    this.typing.noteTyping();
  }

  stopTyping(): void {
    this.typing.stopTyping();
  }

  // --- moderator controls ---

  async removeMessage(messageId: string, reason: string): Promise<ChatError | null> {
    const ack = await requestOrRefusal(this.socket, 'mod:message:remove', { messageId, reason });
    if (!ack.ok) return ack;
    if (this.log.forget(messageId)) this.publishMessages();
    return null;
  }

  async mute(userId: string, minutes: number, reason: string): Promise<({ ok: true } & { until: string }) | ChatError> {
    return requestOrRefusal(this.socket, 'mod:mute', { roomId: this.roomId, userId, minutes, reason });
  }

  async setSlowMode(seconds: number): Promise<ChatError | null> {
    return this.applyState(await requestOrRefusal(this.socket, 'mod:slow-mode', { roomId: this.roomId, seconds }));
  }

  async setLocked(locked: boolean, reason: string): Promise<ChatError | null> {
    return this.applyState(await requestOrRefusal(this.socket, 'mod:lock', { roomId: this.roomId, locked, reason }));
  }

  async setNotice(text: string | null): Promise<ChatError | null> {
    return this.applyState(await requestOrRefusal(this.socket, 'mod:notice', { roomId: this.roomId, text }));
  }

  private applyState(ack: { ok: true; state: ChatRoomState } | ChatError): ChatError | null {
    if (!ack.ok) return ack;
    this.update({ state: ack.state });
    return null;
  }

  private update(change: Partial<RoomChatSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...change };
    for (const listener of this.listeners) listener();
  }
}
