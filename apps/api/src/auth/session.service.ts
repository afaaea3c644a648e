import { createHmac, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { IsNull, Not, Repository, type DataSource, type EntityManager, type FindOptionsWhere } from 'typeorm';
import type { SessionEndReason } from '@kindred/contracts';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { Clock } from '../common/clock.js';
import { DomainEvents } from '../common/events/domain-events.js';
import type { AuthContext } from './auth-context.js';
import { EntityRows } from '../database/entity-rows.js';
import { PreparedQueries } from '../database/prepared-queries.js';
import type { UserEntity } from '../users/user.entity.js';
import { UserRepository } from '../users/user.repository.js';
import { SessionEntity } from './session.entity.js';

/** Refreshing last-seen on every request would write on every read; once a minute is plenty. */
const TOUCH_INTERVAL_MS = 60_000;
/** Most handshakes answered by one query (a reconnect storm brings thousands at once). */
const MAX_HANDSHAKE_BATCH = 500;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{20,100}$/;

/** A code the app words itself (`session:ended`). */
export type RevokeReason = SessionEndReason;

@Injectable()
export class SessionService {
  constructor(
    @InjectRepository(SessionEntity) private readonly sessions: Repository<SessionEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly events: DomainEvents,
    @InjectDataSource() db: DataSource,
    private readonly prepared: PreparedQueries,
    users: UserRepository,
  ) {
    this.sessionRows = new EntityRows(db, SessionEntity, 's');
    this.userRows = users.entityRows('u');
    this.resolveSql = `SELECT ${this.sessionRows.select}, ${this.userRows.select} FROM sessions "s" JOIN users "u" ON "u"."id" = "s"."user_id" WHERE "s"."token_hash" = ANY($1::char(64)[]) AND "s"."revoked_at" IS NULL`;
  }

  /** Every signed-in request and socket handshake resolves its session: one prepared statement, sessions and members. */
  private readonly sessionRows: EntityRows<SessionEntity>;
  private readonly userRows: EntityRows<UserEntity>;
  private readonly resolveSql: string;

  /**
   * Socket handshakes that arrive in the same turn of the event loop are looked up together,
   * one query for all of them. Nothing is cached: each handshake reads the session as it is.
   */
  private readonly handshakeLookups = new DataLoader<string, SessionEntity | null>((hashes) => this.liveSessions(hashes), {
    cache: false,
    maxBatchSize: MAX_HANDSHAKE_BATCH,
    batchScheduleFn: (run) => setImmediate(run),
  });

  /**
   * Last-seen refreshed for sessions used in the same turn of the event loop, in one statement:
   * a reconnect storm brings thousands of sessions idle for over a minute back at once.
   */
  private readonly touches = new DataLoader<string, void>(
    async (ids) => {
      await this.prepared.query('UPDATE sessions SET last_seen_at = $2 WHERE id = ANY($1::uuid[])', [ids, this.clock.now()]);
      return ids.map(() => undefined);
    },
    { cache: false, maxBatchSize: MAX_HANDSHAKE_BATCH, batchScheduleFn: (run) => setImmediate(run) },
  );

  /** The unrevoked sessions with these token hashes, each with its member (null where none), in order. */
  private async liveSessions(hashes: readonly string[]): Promise<(SessionEntity | null)[]> {
    const rows = await this.prepared.query<Record<string, unknown>>(this.resolveSql, [hashes]);
    const byHash = new Map<string, SessionEntity>();
    for (const row of rows) {
      const session = this.sessionRows.from(row)!;
      session.user = this.userRows.from(row) ?? undefined;
      byHash.set(session.tokenHash, session);
    }
    return hashes.map((h) => byHash.get(h) ?? null);
  }

  hashToken(token: string): string {
    return createHmac('sha256', this.config.sessionSecret).update(token).digest('hex');
  }

  /** Creates a session and returns the token for the cookie; only its hash is stored. */
  async create(userId: string, device: string): Promise<{ token: string; session: SessionEntity }> {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    const session = await this.sessions.save(
      this.sessions.create({
        userId,
        tokenHash: this.hashToken(token),
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + this.config.sessionAbsoluteLifetimeMs),
        device,
      }),
    );
    return { token, session };
  }

  /** The live session for a cookie token, or undefined when missing, revoked, idle or expired. */
  async resolve(token: string): Promise<AuthContext | undefined> {
    if (!TOKEN_SHAPE.test(token)) return undefined;
    const [session] = await this.liveSessions([this.hashToken(token)]);
    return this.usable(session ?? null);
  }

  /** The same answer as `resolve`, for a socket handshake (batched with its neighbours). */
  async resolveHandshake(token: string): Promise<AuthContext | undefined> {
    if (!TOKEN_SHAPE.test(token)) return undefined;
    return this.usable(await this.handshakeLookups.load(this.hashToken(token)));
  }

  private async usable(session: SessionEntity | null): Promise<AuthContext | undefined> {
    const now = this.clock.now();
    if (!session?.user) return undefined;
    const idleSince = now.getTime() - session.lastSeenAt.getTime();
    if (session.expiresAt <= now || idleSince > this.config.sessionIdleTimeoutMs) return undefined;
    if (idleSince > TOUCH_INTERVAL_MS) {
      await this.touches.load(session.id);
      session.lastSeenAt = now;
    }
    const { user, ...rest } = session;
    return { user, session: rest as SessionEntity };
  }

  /** Is this session still usable? (Sockets re-check now and then, not on every event.) */
  async isLive(sessionId: string): Promise<boolean> {
    const session = await this.sessions.findOne({ where: { id: sessionId, revokedAt: IsNull() } });
    if (!session) return false;
    const now = this.clock.now();
    return session.expiresAt > now && now.getTime() - session.lastSeenAt.getTime() <= this.config.sessionIdleTimeoutMs;
  }

  /** Has this account ever had a session (live or ended)? */
  hasAny(userId: string): Promise<boolean> {
    return this.sessions.exists({ where: { userId } });
  }

  /** Has any session of this account, live or ended, come from this coarse device label? */
  hasUsedDevice(userId: string, device: string): Promise<boolean> {
    return this.sessions.exists({ where: { userId, device } });
  }

  async listActive(userId: string): Promise<SessionEntity[]> {
    const now = this.clock.now();
    const rows = await this.sessions.find({ where: { userId, revokedAt: IsNull() }, order: { lastSeenAt: 'DESC' } });
    return rows.filter((s) => s.expiresAt > now && now.getTime() - s.lastSeenAt.getTime() <= this.config.sessionIdleTimeoutMs);
  }

  async revoke(sessionId: string, reason: RevokeReason): Promise<void> {
    await this.revokeWhere({ id: sessionId, revokedAt: IsNull() }, reason);
  }

  /** Revokes the member's own session by id; false when it is not theirs or already gone. */
  async revokeOwned(userId: string, sessionId: string): Promise<boolean> {
    return (await this.revokeWhere({ id: sessionId, userId, revokedAt: IsNull() }, 'revoked-by-member')) > 0;
  }

  /** Revokes every live session of a member, optionally keeping one (the current device). */
  revokeAll(userId: string, reason: RevokeReason, exceptSessionId?: string): Promise<number> {
    const where = exceptSessionId ? { userId, revokedAt: IsNull(), id: Not(exceptSessionId) } : { userId, revokedAt: IsNull() };
    return this.revokeWhere(where, reason);
  }

  /** The member's sessions (devices and times, never tokens), for their data export. */
  exportFor(userId: string): Promise<unknown[]> {
    return this.sessions.query('SELECT device, created_at, last_seen_at, revoked_at FROM sessions WHERE user_id = $1 ORDER BY created_at', [userId]);
  }

  /**
   * Revokes inside the caller's transaction; call `announce` once it has committed, so sockets
   * close for revocations that really happened (and not for a rolled-back one).
   */
  async revokeAllWithin(manager: EntityManager, userId: string, reason: RevokeReason, exceptSessionId?: string): Promise<{ count: number; announce: () => void }> {
    const where = exceptSessionId ? { userId, revokedAt: IsNull(), id: Not(exceptSessionId) } : { userId, revokedAt: IsNull() };
    const rows = await this.updateRevoked(manager.getRepository(SessionEntity), where, reason);
    return { count: rows.length, announce: () => this.announce(rows, reason) };
  }

  /** Every revocation goes through here so open sockets of those sessions close at once. */
  private async revokeWhere(where: FindOptionsWhere<SessionEntity>, reason: RevokeReason): Promise<number> {
    const rows = await this.updateRevoked(this.sessions, where, reason);
    this.announce(rows, reason);
    return rows.length;
  }

  private async updateRevoked(repo: Repository<SessionEntity>, where: FindOptionsWhere<SessionEntity>, reason: string): Promise<{ id: string; user_id: string }[]> {
    const result = await repo
      .createQueryBuilder()
      .update()
      .set({ revokedAt: this.clock.now(), revokedReason: reason })
      .where(where)
      .returning(['id', 'userId'])
      .execute();
    return (result.raw as { id: string; user_id: string }[]) ?? [];
  }

  private announce(rows: { id: string; user_id: string }[], reason: RevokeReason): void {
    if (rows.length > 0) this.events.emit('sessions.revoked', { userId: rows[0]!.user_id, sessionIds: rows.map((r) => r.id), reason });
  }
}
