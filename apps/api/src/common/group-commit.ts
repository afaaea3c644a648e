/** How a group of writes under one key reaches the database. */
export interface GroupWriter<Item, Result> {
  /** One write, committed before it resolves. */
  one(key: string, item: Item): Promise<Result>;
  /** Several writes in one statement, all or nothing; results in the items' order. */
  many(key: string, items: Item[]): Promise<Result[]>;
}

interface Pending<Item, Result> {
  item: Item;
  resolve(result: Result): void;
  reject(error: unknown): void;
}

/** Large enough to absorb a burst, small enough to keep one statement's parameters modest. */
const DEFAULT_MAX_BATCH = 100;

/**
 * Group commit per key (a chat room, later a private conversation): while one write for a key
 * is committing, the next ones for that key wait here and then go to the database together, so
 * a busy key pays one commit (one WAL flush, one hand-off of its row lock) per batch instead of
 * per write. An idle key writes at once, exactly as before. Writes keep their arrival order.
 *
 * A batch that fails is written again one by one, so a single bad write (say a reused client id)
 * fails alone and its neighbours commit. Each caller's promise settles only after its own write
 * committed (or failed).
 *
 * The queues are per process: across instances the database's own row lock still orders the
 * batches, as it ordered single writes.
 */
export class GroupCommit<Item, Result> {
  /** Present for a key while a write for it is in flight; holds the writes waiting behind it. */
  private readonly waiting = new Map<string, Pending<Item, Result>[]>();

  constructor(
    private readonly writer: GroupWriter<Item, Result>,
    private readonly maxBatch = DEFAULT_MAX_BATCH,
  ) {}

  /** How many writes for `key` wait behind the one in flight. */
  waitingFor(key: string): number {
    return this.waiting.get(key)?.length ?? 0;
  }

  write(key: string, item: Item): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      const pending = { item, resolve, reject };
      const queue = this.waiting.get(key);
      if (queue) {
        queue.push(pending);
        return;
      }
      this.waiting.set(key, []);
      void this.drain(key, [pending]);
    });
  }

  /** Writes `batch`, then whatever queued meanwhile, until the key is idle again. */
  private async drain(key: string, batch: Pending<Item, Result>[]): Promise<void> {
    for (;;) {
      await this.flush(key, batch);
      const queue = this.waiting.get(key)!;
      if (queue.length === 0) {
        this.waiting.delete(key);
        return;
      }
      batch = queue.splice(0, this.maxBatch);
    }
  }

  /** Never throws: every outcome goes to its own caller. */
  private async flush(key: string, batch: Pending<Item, Result>[]): Promise<void> {
    if (batch.length > 1) {
      try {
        const results = await this.writer.many(
          key,
          batch.map((p) => p.item),
        );
        batch.forEach((p, i) => p.resolve(results[i] as Result));
        return;
      } catch {
        // Nothing of the batch committed; one by one, only the write at fault fails.
      }
    }
    for (const p of batch) {
      try {
        p.resolve(await this.writer.one(key, p.item));
      } catch (error) {
        p.reject(error);
      }
    }
  }
}
