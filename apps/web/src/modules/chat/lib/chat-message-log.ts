import type { ChatChanges, ChatItem, ChatMessageView } from '@kindred/contracts';

/**
 * The messages of one room as this member sees them: one entry per `seq` (a message, or a
 * placeholder for one they hide), so a message arriving live and again in a replay is kept once.
 */
export class ChatMessageLog {
  private readonly bySeq = new Map<number, ChatItem>();

  get size(): number {
    return this.bySeq.size;
  }

  /** Ordered by `seq`. */
  items(): ChatItem[] {
    return [...this.bySeq.values()].sort((a, b) => a.seq - b.seq);
  }

  /** A newer version of an entry replaces it (an edit, or a placeholder when an edit added a hidden topic). */
  put(item: ChatItem): void {
    this.bySeq.set(item.seq, item);
  }

  /** Takes a removed message away; false when it was not here. */
  forget(messageId: string): boolean {
    for (const [seq, item] of this.bySeq) {
      if (item.kind === 'message' && item.id === messageId) return this.bySeq.delete(seq);
    }
    return false;
  }

  clear(): void {
    this.bySeq.clear();
  }

  /** The newest message with an id to replay from (placeholders have none; replay resends them, kept once by seq). */
  lastMessage(): ChatMessageView | undefined {
    return this.items().findLast((item) => item.kind === 'message');
  }

  /**
   * What changed while we were away, for the entries we hold: an edit replaces its entry (or
   * turns it into a placeholder), a removal takes its place away. Older messages we never
   * loaded stay for history to bring as they are now.
   */
  applyChanges(changes: ChatChanges): void {
    const oldest = this.items()[0]?.seq ?? Infinity;
    for (const item of changes.updated) if (item.seq >= oldest) this.bySeq.set(item.seq, item);
    for (const seq of changes.removed) this.bySeq.delete(seq);
  }

  /**
   * After a block: their messages become placeholders at once, as the server sends them from
   * now on (and as threads show a blocked author's posts). False when there were none.
   */
  hideAuthor(userId: string): boolean {
    let changed = false;
    for (const [seq, item] of this.bySeq) {
      if (item.kind !== 'message' || item.author.id !== userId) continue;
      this.bySeq.set(seq, { kind: 'hidden', roomId: item.roomId, seq, createdAt: item.createdAt, reason: 'your-settings' });
      changed = true;
    }
    return changed;
  }
}
