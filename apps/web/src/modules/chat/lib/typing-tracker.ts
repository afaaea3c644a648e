import type { AuthorView, TypingView } from '@kindred/contracts';

/** An indicator without a fresh "still typing" is dropped after this (the stop may be lost). */
const TYPING_TTL_MS = 6_000;
/** How often this client repeats "still typing" (the server drops anything more frequent than 2 s). */
const TYPING_REPEAT_MS = 2_500;
const TYPING_IDLE_MS = 3_000;
const SWEEP_MS = 1_000;

export interface TypingTrackerPorts {
  /** Whether our own typing can be told to the room now (joined and connected). */
  canSend: () => boolean;
  /** Tells the room this member started or stopped typing (best effort). */
  send: (typing: boolean) => void;
  /** The others typing now changed (sorted by handle). */
  onChange: (typing: AuthorView[]) => void;
}

/**
 * Typing in one room, both ways: our own (sent at a gentle rate, "stopped" after a pause) and
 * everyone else's (shown until they stop, send a message, or go quiet for a while).
 */
export class TypingTracker {
  private readonly typists = new Map<string, { user: AuthorView; until: number }>();
  private shown: AuthorView[] = [];
  private sweepTimer: ReturnType<typeof setInterval> | undefined;
  private sentAt = 0;
  private active = false;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly viewerId: string,
    private readonly ports: TypingTrackerPorts,
  ) {}

  // --- our own typing ---

  /** Call on every keystroke. */
  noteTyping(): void {
    if (!this.ports.canSend()) return;
    const now = Date.now();
    if (!this.active || now - this.sentAt >= TYPING_REPEAT_MS) {
      this.active = true;
      this.sentAt = now;
      this.ports.send(true);
    }
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.stopTyping(), TYPING_IDLE_MS);
  }

  stopTyping(): void {
    clearTimeout(this.idleTimer);
    if (!this.active) return;
    this.active = false;
    if (this.ports.canSend()) this.ports.send(false);
  }

  // --- everyone else's ---

  /** A typing event for this room. */
  receive(typing: TypingView): void {
    if (typing.user.id === this.viewerId) return;
    if (typing.typing) this.typists.set(typing.user.id, { user: typing.user, until: Date.now() + TYPING_TTL_MS });
    else this.typists.delete(typing.user.id);
    this.publish();
    if (this.typists.size > 0 && !this.sweepTimer) {
      this.sweepTimer = setInterval(() => {
        const now = Date.now();
        for (const [id, entry] of this.typists) if (entry.until <= now) this.typists.delete(id);
        this.publish();
      }, SWEEP_MS);
    }
  }

  /** They sent a message or were blocked: no longer shown as typing. */
  clear(userId: string): void {
    if (this.typists.delete(userId)) this.publish();
  }

  /** The connection dropped: nobody's typing is known, and ours was not heard. */
  reset(): void {
    this.active = false;
    this.typists.clear();
    this.shown = [];
    this.ports.onChange([]);
  }

  /** Leaving the room: tell it we stopped, and stop every timer. */
  dispose(): void {
    this.stopTyping();
    clearInterval(this.sweepTimer);
    this.sweepTimer = undefined;
  }

  private publish(): void {
    const typing = [...this.typists.values()].map((entry) => entry.user).sort((a, b) => a.handle.localeCompare(b.handle));
    if (this.typists.size === 0 && this.sweepTimer) {
      clearInterval(this.sweepTimer);
      this.sweepTimer = undefined;
    }
    const same = typing.length === this.shown.length && typing.every((u, i) => u.id === this.shown[i]?.id);
    if (same) return;
    this.shown = typing;
    this.ports.onChange(typing);
  }
}
