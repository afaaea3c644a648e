import type {
  AuthorView,
  ChatChanges,
  ChatError,
  ChatItem,
  ChatMessageView,
  ChatRoomState,
  ChatServerToClientEvents,
  ContentWarningInput,
  CrisisResource,
  MessageRemovedView,
  PresenceView,
  TypingView,
} from '@kindred/contracts';
import { ErrorCode } from '@kindred/contracts';
import type { RealtimeSocket } from '../../../shared/realtime/realtime-connection';
import { NoAckError, OFFLINE_MESSAGE, requestOrRefusal, socketRequest } from '../../../shared/realtime/socket-request';

/**
 * - sending: on its way, no answer yet
 * - queued: the connection dropped before an answer; sent again (same client id) once the
 *   chat is joined again, so it can never arrive twice
 * - failed: the server said no (slow mode, mute, lock); the member decides what to do
 */
export type PendingState = 'sending' | 'queued' | 'failed';

export interface PendingMessage {
  clientId: string;
  body: string;
  warning?: ContentWarningInput;
  state: PendingState;
  problem?: ChatError;
}

export interface RoomChatSnapshot {
  phase: 'joining' | 'ready' | 'refused';
  /** Why joining was refused (not a member of a private room, …). */
  problem: string | null;
  /** Ordered by `seq`, one entry per `seq`: messages, and placeholders for those the member hides. */
  messages: ChatItem[];
  pending: PendingMessage[];
  hasMore: boolean;
  loadingOlder: boolean;
  historyProblem: string | null;
  state: ChatRoomState | null;
  presence: PresenceView | null;
  typing: AuthorView[];
}

export type SendOutcome =
  | { kind: 'sent'; message: ChatMessageView }
  | { kind: 'refused'; error: ChatError }
  | { kind: 'queued' };

const HISTORY_PAGE = 50;
/** An indicator without a fresh "still typing" is dropped after this (the stop may be lost). */
const TYPING_TTL_MS = 6_000;
/** How often this client repeats "still typing" (the server drops anything more frequent than 2 s). */
const TYPING_REPEAT_MS = 2_500;
const TYPING_IDLE_MS = 3_000;
const RETRY_AFTER_SILENCE_MS = 2_000;
const REJOIN_AFTER_SILENCE_MS = 2_000;

type Handlers = { [E in keyof ChatServerToClientEvents]?: ChatServerToClientEvents[E] };

function newClientId(): string {
  return crypto.randomUUID();
}

/**
 * One room's live chat on the shared socket: joins (and rejoins after every reconnect with
 * the last message seen, so the server replays what was missed), keeps messages ordered and
 * unique, and sends messages optimistically with a client id that makes retries safe.
 */
export class RoomChatStore {
  private snapshot: RoomChatSnapshot = {
    phase: 'joining',
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
  private readonly bySeq = new Map<number, ChatItem>();
  private readonly typists = new Map<string, { user: AuthorView; until: number }>();
  private readonly listeners = new Set<() => void>();
  private handlers: Handlers = {};
  private started = false;
  private joined = false;
  private joinAttempt = 0;
  /** The room's change number at our last join: a replay asks for the edits and removals since. */
  private lastChange: number | undefined;
  private typingTimer: ReturnType<typeof setInterval> | undefined;
  private timers = new Set<ReturnType<typeof setTimeout>>();
  private typingSentAt = 0;
  private typingActive = false;
  private typingIdle: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly socket: RealtimeSocket,
    readonly roomId: string,
    private readonly viewerId: string,
    private readonly onSupport: (resources: CrisisResource[]) => void,
  ) {}

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
        if (removed.roomId === this.roomId && this.forget(removed.messageId)) this.publishMessages();
      },
      typing: (typing) => this.onTyping(typing),
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
    this.stopTyping();
    clearInterval(this.typingTimer);
    this.typingTimer = undefined;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    if (this.joined && this.socket.connected) void socketRequest(this.socket, 'chat:leave', { roomId: this.roomId }).catch(() => undefined);
    this.joined = false;
    this.joinAttempt += 1;
  }

  private onConnect = () => {
    void this.join();
  };

  private onDisconnect = () => {
    this.joined = false;
    this.typingActive = false;
    this.typists.clear();
    this.update({ typing: [] });
  };

  private later(fn: () => void, ms: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (this.started) fn();
    }, ms);
    this.timers.add(timer);
  }

  // --- joining and replay ---

  /** The newest message with an id to replay from (placeholders have none; replay resends them, kept once by seq). */
  private lastMessage(): ChatMessageView | undefined {
    return this.snapshot.messages.findLast((item) => item.kind === 'message');
  }

  private async join(): Promise<void> {
    const attempt = (this.joinAttempt += 1);
    const last = this.lastMessage();
    if (!last && this.bySeq.size > 0) {
      // Only placeholders so far: nothing to replay from, so start again from the latest page.
      this.bySeq.clear();
      this.publishMessages();
    }
    let ack;
    try {
      ack = await socketRequest(this.socket, 'chat:join', last ? { roomId: this.roomId, lastMessageId: last.id, ...this.sinceChange() } : { roomId: this.roomId });
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
        this.bySeq.clear();
        this.publishMessages();
        return this.join();
      }
      this.update({ phase: 'refused', problem: ack.message });
      return;
    }
    if (last && ack.truncated) {
      // Too much was missed to replay in one go: show the latest page; history has the rest.
      this.bySeq.clear();
      this.publishMessages();
      return this.join();
    }
    this.applyChanges(ack.changes);
    this.lastChange = ack.lastChange;
    for (const message of ack.messages) this.store(message);
    this.joined = true;
    this.update({
      phase: 'ready',
      problem: null,
      state: ack.state,
      presence: ack.presence,
      // A first join shows the latest page and says whether anything older exists.
      hasMore: last ? this.snapshot.hasMore : ack.hasMore,
      historyProblem: null,
    });
    this.publishMessages();
    this.flushQueued();
  }

  private sinceChange(): { sinceChange?: number } {
    return this.lastChange === undefined ? {} : { sinceChange: this.lastChange };
  }

  /**
   * What changed while we were away, for the messages we hold: an edit replaces its entry (or
   * turns it into a placeholder), a removal takes its place away. Older messages we never
   * loaded stay for history to bring as they are now.
   */
  private applyChanges(changes: ChatChanges): void {
    const oldest = this.snapshot.messages[0]?.seq ?? Infinity;
    for (const item of changes.updated) if (item.seq >= oldest) this.bySeq.set(item.seq, item);
    for (const seq of changes.removed) this.bySeq.delete(seq);
  }

  // --- incoming messages ---

  private receive(item: ChatItem): void {
    if (item.roomId !== this.roomId) return;
    this.store(item);
    if (item.kind === 'message') this.clearTypist(item.author.id);
    this.publishMessages();
  }

  /** One entry per seq: a placeholder arriving for a message we had (an edit added a hidden topic) replaces it. */
  private store(item: ChatItem): void {
    this.bySeq.set(item.seq, item);
    // Our own message arriving (live or in a replay) settles its optimistic copy.
    if (item.kind === 'message' && item.author.id === this.viewerId && this.snapshot.pending.some((p) => p.clientId === item.clientId)) {
      this.update({ pending: this.snapshot.pending.filter((p) => p.clientId !== item.clientId) });
    }
  }

  private forget(messageId: string): boolean {
    for (const [seq, item] of this.bySeq) {
      if (item.kind === 'message' && item.id === messageId) return this.bySeq.delete(seq);
    }
    return false;
  }

  private publishMessages(): void {
    const messages = [...this.bySeq.values()].sort((a, b) => a.seq - b.seq);
    this.update({ messages });
  }

  async loadOlder(): Promise<void> {
    const { loadingOlder, hasMore, messages } = this.snapshot;
    if (loadingOlder || !hasMore || !this.joined) return;
    this.update({ loadingOlder: true, historyProblem: null });
    const oldest = messages[0];
    try {
      const ack = await socketRequest(this.socket, 'chat:history', {
        roomId: this.roomId,
        ...(oldest ? { beforeSeq: oldest.seq } : {}),
        limit: HISTORY_PAGE,
      });
      if (ack.ok) {
        for (const item of ack.messages) this.bySeq.set(item.seq, item);
        this.update({ hasMore: ack.hasMore });
        this.publishMessages();
      } else {
        this.update({ historyProblem: ack.message });
      }
    } catch {
      this.update({ historyProblem: OFFLINE_MESSAGE });
    }
    this.update({ loadingOlder: false });
  }

  // --- sending ---

  /** Sends at once when possible; otherwise keeps it to send after reconnecting. */
  async send(body: string, warning?: ContentWarningInput): Promise<SendOutcome> {
    const pending: PendingMessage = { clientId: newClientId(), body, ...(warning ? { warning } : {}), state: 'sending' };
    this.update({ pending: [...this.snapshot.pending, pending] });
    this.stopTyping();
    const outcome = await this.deliver(pending.clientId);
    // A first refusal goes back to the composer with the words; no failed copy stays behind.
    if (outcome.kind === 'refused') this.discard(pending.clientId);
    return outcome;
  }

  /** Tries a queued or refused message again, with the same client id. */
  retry(clientId: string): Promise<SendOutcome> {
    return this.deliver(clientId);
  }

  discard(clientId: string): void {
    this.update({ pending: this.snapshot.pending.filter((p) => p.clientId !== clientId) });
  }

  private setPending(clientId: string, change: Partial<PendingMessage>): void {
    this.update({ pending: this.snapshot.pending.map((p) => (p.clientId === clientId ? { ...p, ...change } : p)) });
  }

  private async deliver(clientId: string): Promise<SendOutcome> {
    const pending = this.snapshot.pending.find((p) => p.clientId === clientId);
    if (!pending) return { kind: 'queued' };
    if (!this.joined || !this.socket.connected) {
      this.setPending(clientId, { state: 'queued', problem: undefined });
      return { kind: 'queued' };
    }
    this.setPending(clientId, { state: 'sending', problem: undefined });
    try {
      const ack = await socketRequest(this.socket, 'message:send', {
        roomId: this.roomId,
        clientId,
        body: pending.body,
        ...(pending.warning ? { warning: pending.warning } : {}),
      });
      if (ack.ok) {
        this.store(ack.message);
        this.discard(clientId);
        this.publishMessages();
        if (ack.support?.length) this.onSupport(ack.support);
        return { kind: 'sent', message: ack.message };
      }
      this.setPending(clientId, { state: 'failed', problem: ack });
      return { kind: 'refused', error: ack };
    } catch (error) {
      if (!(error instanceof NoAckError)) throw error;
      // The message may or may not have been saved; the same client id makes a retry safe.
      this.setPending(clientId, { state: 'queued', problem: undefined });
      this.later(() => {
        if (this.joined) void this.deliver(clientId);
      }, RETRY_AFTER_SILENCE_MS);
      return { kind: 'queued' };
    }
  }

  private flushQueued(): void {
    for (const pending of this.snapshot.pending) {
      if (pending.state === 'queued') void this.deliver(pending.clientId);
    }
  }

  // --- own messages ---

  async edit(messageId: string, body: string): Promise<ChatError | null> {
    const ack = await requestOrRefusal(this.socket, 'message:edit', { messageId, body });
    if (!ack.ok) return ack;
    this.bySeq.set(ack.message.seq, ack.message);
    this.publishMessages();
    return null;
  }

  async deleteOwn(messageId: string): Promise<ChatError | null> {
    const ack = await requestOrRefusal(this.socket, 'message:delete', { messageId });
    if (!ack.ok) return ack;
    if (this.forget(messageId)) this.publishMessages();
    return null;
  }

  /**
   * After a block: their messages become placeholders at once, as the server sends them from
   * now on (and as threads show a blocked author's posts).
   */
  forgetAuthor(userId: string): void {
    let changed = false;
    for (const [seq, item] of this.bySeq) {
      if (item.kind !== 'message' || item.author.id !== userId) continue;
      this.bySeq.set(seq, { kind: 'hidden', roomId: item.roomId, seq, createdAt: item.createdAt, reason: 'your-settings' });
      changed = true;
    }
    this.clearTypist(userId);
    if (changed) this.publishMessages();
  }

  // --- typing ---

  /** Call on every keystroke; sends "typing" at a gentle rate and "stopped" after a pause. */
  noteTyping(): void {
    if (!this.joined) return;
    const now = Date.now();
    if (!this.typingActive || now - this.typingSentAt >= TYPING_REPEAT_MS) {
      this.typingActive = true;
      this.typingSentAt = now;
      void socketRequest(this.socket, 'typing', { roomId: this.roomId, typing: true }).catch(() => undefined);
    }
    clearTimeout(this.typingIdle);
    this.typingIdle = setTimeout(() => this.stopTyping(), TYPING_IDLE_MS);
  }

  stopTyping(): void {
    clearTimeout(this.typingIdle);
    if (!this.typingActive) return;
    this.typingActive = false;
    if (this.joined) void socketRequest(this.socket, 'typing', { roomId: this.roomId, typing: false }).catch(() => undefined);
  }

  private onTyping(typing: TypingView): void {
    if (typing.roomId !== this.roomId || typing.user.id === this.viewerId) return;
    if (typing.typing) this.typists.set(typing.user.id, { user: typing.user, until: Date.now() + TYPING_TTL_MS });
    else this.typists.delete(typing.user.id);
    this.publishTyping();
    if (this.typists.size > 0 && !this.typingTimer) {
      this.typingTimer = setInterval(() => {
        const now = Date.now();
        for (const [id, entry] of this.typists) if (entry.until <= now) this.typists.delete(id);
        this.publishTyping();
      }, 1_000);
    }
  }

  private clearTypist(userId: string): void {
    if (this.typists.delete(userId)) this.publishTyping();
  }

  private publishTyping(): void {
    const typing = [...this.typists.values()].map((entry) => entry.user).sort((a, b) => a.handle.localeCompare(b.handle));
    if (this.typists.size === 0 && this.typingTimer) {
      clearInterval(this.typingTimer);
      this.typingTimer = undefined;
    }
    const same = typing.length === this.snapshot.typing.length && typing.every((u, i) => u.id === this.snapshot.typing[i]?.id);
    if (!same) this.update({ typing });
  }

  // --- moderator controls ---

  async removeMessage(messageId: string, reason: string): Promise<ChatError | null> {
    const ack = await requestOrRefusal(this.socket, 'mod:message:remove', { messageId, reason });
    if (!ack.ok) return ack;
    if (this.forget(messageId)) this.publishMessages();
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
