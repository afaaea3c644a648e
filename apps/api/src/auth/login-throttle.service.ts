import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode } from '@kindred/contracts';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { Clock } from '../common/clock.js';
import { AppError } from '../common/errors/app-error.js';

interface Counter {
  key: string;
  limit: number;
}

/**
 * Brute-force protection for sign-in, shared by all instances through PostgreSQL.
 * Three counters: one handle from one address (tight), one address across handles, and
 * one handle from anywhere (loose, so a stranger cannot easily lock a member out).
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** Without a handle (a passkey nobody has), only the address's counter applies. */
  private counters(handleKey: string | undefined, ip: string): Counter[] {
    const max = this.config.loginMaxFailures;
    const address = { key: `ip:${ip}`, limit: max * 6 };
    if (handleKey === undefined) return [address];
    return [{ key: `pair:${handleKey}|${ip}`, limit: max }, address, { key: `handle:${handleKey}`, limit: max * 10 }];
  }

  async assertAllowed(handleKey: string | undefined, ip: string): Promise<void> {
    const keys = this.counters(handleKey, ip).map((c) => c.key);
    const rows: { locked_until: Date }[] = await this.db.query(
      'SELECT locked_until FROM login_failures WHERE key = ANY($1) AND locked_until > $2 ORDER BY locked_until DESC LIMIT 1',
      [keys, this.clock.now()],
    );
    const lockedUntil = rows[0]?.locked_until;
    if (!lockedUntil) return;
    const retryAfter = Math.max(1, Math.ceil((lockedUntil.getTime() - this.clock.now().getTime()) / 1000));
    throw new AppError({
      status: HttpStatus.TOO_MANY_REQUESTS,
      code: ErrorCode.LoginLocked,
      message: `Too many sign-in attempts. For your account's safety, please wait ${Math.ceil(retryAfter / 60)} minute(s) and try again.`,
      headers: { 'Retry-After': String(retryAfter) },
    });
  }

  async recordFailure(handleKey: string | undefined, ip: string): Promise<void> {
    const now = this.clock.now();
    const windowStart = new Date(now.getTime() - this.config.loginLockMs);
    const lockUntil = new Date(now.getTime() + this.config.loginLockMs);
    for (const { key, limit } of this.counters(handleKey, ip)) {
      // A window older than the lock period starts again from one failure.
      await this.db.query(
        `INSERT INTO login_failures (key, failures, window_started_at, locked_until)
         VALUES ($1, 1, $2, CASE WHEN 1 >= $5 THEN $4::timestamptz ELSE NULL END)
         ON CONFLICT (key) DO UPDATE SET
           failures = CASE WHEN login_failures.window_started_at < $3 THEN 1 ELSE login_failures.failures + 1 END,
           window_started_at = CASE WHEN login_failures.window_started_at < $3 THEN $2 ELSE login_failures.window_started_at END,
           locked_until = CASE
             WHEN (CASE WHEN login_failures.window_started_at < $3 THEN 1 ELSE login_failures.failures + 1 END) >= $5 THEN $4::timestamptz
             ELSE login_failures.locked_until END`,
        [key, now, windowStart, lockUntil, limit],
      );
    }
  }

  async recordSuccess(handleKey: string, ip: string): Promise<void> {
    await this.db.query('DELETE FROM login_failures WHERE key = $1', [`pair:${handleKey}|${ip}`]);
  }
}
