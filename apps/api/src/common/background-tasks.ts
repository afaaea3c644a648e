import type { Logger } from '@nestjs/common';

/**
 * Work started after a commit, off the request's path (notices to other members): the request
 * is answered whatever happens here, failures are logged, and tests and shutdown can wait for
 * what is still running.
 */
export class BackgroundTasks {
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly logger: Logger) {}

  /** Starts `work` and returns at once. */
  run(what: string, work: () => Promise<void>): void {
    const task = work().catch((error: unknown) => this.logger.error(`${what} failed: ${String(error)}`));
    this.pending.add(task);
    void task.finally(() => this.pending.delete(task));
  }

  /** Resolves once nothing is running, including work started while waiting. */
  async settled(): Promise<void> {
    while (this.pending.size) await Promise.all([...this.pending]);
  }
}
