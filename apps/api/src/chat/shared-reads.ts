/**
 * One read for many askers of the same thing (a reconnect storm: every member of a room asks
 * for the room's state and the messages after the same last message, at once).
 *
 * A request never shares a read that had already been sent to the database when it asked:
 * a chat join asks only after its socket entered the room's channel, so a message committed
 * after that point is in a read started later or delivered live — never in neither. Requests
 * that arrive while a read of the same key is under way queue for the next one, which starts
 * when the current one is done and serves them all.
 */
export class SharedReads {
  /** Not started yet: anyone may still join it. */
  private readonly queued = new Map<string, Promise<unknown>>();
  private readonly running = new Map<string, Promise<unknown>>();

  read<T>(key: string, read: () => Promise<T>): Promise<T> {
    const queued = this.queued.get(key);
    if (queued) return queued as Promise<T>;
    const before = this.running.get(key);
    // Wait for the read under way (its outcome is not ours), or one turn of the event loop so
    // that askers arriving together share the first read too.
    const start = before ? before.then(noop, noop) : new Promise<void>((resolve) => setImmediate(resolve));
    const next = start.then(() => {
      this.queued.delete(key);
      const running = read();
      this.running.set(key, running);
      const forget = () => {
        if (this.running.get(key) === running) this.running.delete(key);
      };
      running.then(forget, forget);
      return running;
    });
    this.queued.set(key, next);
    return next;
  }
}

const noop = () => undefined;
