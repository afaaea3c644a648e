import { LRUCache } from 'lru-cache';

export interface DecisionCacheOptions {
  /** Most entries kept; the least recently used go first. */
  max: number;
  /** A safety net only: events invalidate entries the moment what they depend on changes. */
  ttlMs: number;
}

/**
 * Answers that are expensive to read and rarely change (a room, a membership, a member's
 * filter), kept until an event says they changed. Bounded in size and age, so a missed event
 * can never keep a stale answer for long.
 *
 * Invalidation never loses to a read in flight: every drop bumps a generation, and an answer
 * read before the drop is handed to its caller but not stored. Concurrent misses on one key
 * share one read (a reconnect storm asks for the same room thousands of times).
 */
export class DecisionCache<V> {
  private readonly entries: LRUCache<string, { value: V }>;
  private readonly inFlight = new Map<string, { generation: number; read: Promise<V> }>();
  private generation = 0;
  private enabled = true;

  constructor(options: DecisionCacheOptions) {
    this.entries = new LRUCache({ max: options.max, ttl: options.ttlMs });
  }

  async get(key: string, read: () => Promise<V>, keep: (value: V) => boolean = () => true): Promise<V> {
    if (!this.enabled) return read();
    const hit = this.entries.get(key);
    if (hit) return hit.value;
    const pending = this.inFlight.get(key);
    if (pending && pending.generation === this.generation) return pending.read;
    const generation = this.generation;
    const reading = read();
    this.inFlight.set(key, { generation, read: reading });
    try {
      const value = await reading;
      if (this.enabled && generation === this.generation && keep(value)) this.entries.set(key, { value });
      return value;
    } finally {
      if (this.inFlight.get(key)?.read === reading) this.inFlight.delete(key);
    }
  }

  /** Forgets one answer. */
  drop(key: string): void {
    this.generation += 1;
    this.entries.delete(key);
  }

  /** Forgets every answer the test picks (rare events: a room edited, a member banned). */
  dropWhere(test: (key: string, value: V) => boolean): void {
    this.generation += 1;
    for (const [key, entry] of this.entries.entries()) if (test(key, entry.value)) this.entries.delete(key);
  }

  clear(): void {
    this.generation += 1;
    this.entries.clear();
  }

  /**
   * While invalidations cannot arrive (the link to the other instances is down), nothing is
   * kept and every question is read afresh; `resume` starts again from empty.
   */
  suspend(): void {
    this.enabled = false;
    this.clear();
  }

  resume(): void {
    this.clear();
    this.enabled = true;
  }

  get size(): number {
    return this.entries.size;
  }
}
