import type { ChatAck, ChatError, ChatMessageView, ContentWarningInput, CrisisResource, SendMessageResult } from '@kindred/contracts';

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

export type SendOutcome =
  | { kind: 'sent'; message: ChatMessageView }
  | { kind: 'refused'; error: ChatError }
  | { kind: 'queued' };

const RETRY_AFTER_SILENCE_MS = 2_000;

export interface ChatOutboxPorts {
  /** Whether a send can go out now (joined and connected). */
  canSend: () => boolean;
  /** Sends one message; null when no answer came in time (it may or may not have been saved). */
  transmit: (message: PendingMessage) => Promise<ChatAck<SendMessageResult> | null>;
  /** The server saved it: the message is settled into the log. */
  onSent: (message: ChatMessageView, support: CrisisResource[] | undefined) => void;
  /** Runs `fn` later, unless the chat has been left by then. */
  later: (fn: () => void, ms: number) => void;
  /** The messages still on their way changed. */
  onChange: (pending: PendingMessage[]) => void;
}

function newClientId(): string {
  return crypto.randomUUID();
}

/**
 * Messages on their way, shown optimistically: each has a client id that makes a resend safe
 * (the server answers a repeat with what it already saved), so a message whose answer was lost
 * is queued and sent again after reconnecting rather than being lost or doubled.
 */
export class ChatOutbox {
  private pending: PendingMessage[] = [];

  constructor(private readonly ports: ChatOutboxPorts) {}

  /** Adds a message in the "sending" state and returns its client id; `deliver` sends it. */
  add(body: string, warning?: ContentWarningInput): string {
    const message: PendingMessage = { clientId: newClientId(), body, ...(warning ? { warning } : {}), state: 'sending' };
    this.set([...this.pending, message]);
    return message.clientId;
  }

  /** Our own message arrived (live or in a replay): its optimistic copy is settled. */
  settle(clientId: string): void {
    if (this.pending.some((p) => p.clientId === clientId)) this.discard(clientId);
  }

  discard(clientId: string): void {
    this.set(this.pending.filter((p) => p.clientId !== clientId));
  }

  /** Sends at once when possible; otherwise keeps it to send after reconnecting. */
  async deliver(clientId: string): Promise<SendOutcome> {
    const pending = this.pending.find((p) => p.clientId === clientId);
    if (!pending) return { kind: 'queued' };
    if (!this.ports.canSend()) {
      this.change(clientId, { state: 'queued', problem: undefined });
      return { kind: 'queued' };
    }
    this.change(clientId, { state: 'sending', problem: undefined });
    const ack = await this.ports.transmit(pending);
    if (!ack) {
      // The message may or may not have been saved; the same client id makes a retry safe.
      this.change(clientId, { state: 'queued', problem: undefined });
      this.ports.later(() => {
        if (this.ports.canSend()) void this.deliver(clientId);
      }, RETRY_AFTER_SILENCE_MS);
      return { kind: 'queued' };
    }
    if (ack.ok) {
      this.discard(clientId);
      this.ports.onSent(ack.message, ack.support);
      return { kind: 'sent', message: ack.message };
    }
    this.change(clientId, { state: 'failed', problem: ack });
    return { kind: 'refused', error: ack };
  }

  /** After (re)joining: everything queued goes out again, with the same client ids. */
  flushQueued(): void {
    for (const pending of this.pending) {
      if (pending.state === 'queued') void this.deliver(pending.clientId);
    }
  }

  private change(clientId: string, change: Partial<PendingMessage>): void {
    this.set(this.pending.map((p) => (p.clientId === clientId ? { ...p, ...change } : p)));
  }

  private set(pending: PendingMessage[]): void {
    this.pending = pending;
    this.ports.onChange(pending);
  }
}
