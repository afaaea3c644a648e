/**
 * A token bucket per socket. REST rate limits do not cover socket events, and one socket
 * lives on one instance, so keeping its bucket in memory is correct. (Budgets per member,
 * such as chat sends, are shared across instances: see SharedLimits.)
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt = Date.now();

  constructor(
    private readonly capacity: number,
    private readonly refillPerSecond: number,
  ) {
    this.tokens = capacity;
  }

  take(): boolean {
    const now = Date.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.updatedAt) / 1000) * this.refillPerSecond);
    this.updatedAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
