/**
 * The world the fuzz tests run in (tests/security/fuzz-*.test.ts): one app on its own
 * database with an admin, a member, a room with a thread, a reply, a chat message, a queue
 * item, a log entry, a notification, an invite and a session, whose ids the generators use
 * so that requests get past "not found" into deeper code. Each fuzz file builds its own.
 */
import type { FastifyInstance } from 'fastify';
import { DataSource } from 'typeorm';
import { createRoom, join } from '../../support/forum.js';
import { memberSession, startListeningApp, type ListeningApp } from '../../support/realtime.js';
import type { IdPool } from './fuzz-inputs.js';
import { SqlFixtures } from './sql-fixtures.js';

/** Random REST cases per run; socket cases are half as many. `npm run fuzz` runs far more. */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 7_000);
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20_251_008);
/** Long runs (npm run fuzz) get time in proportion. */
export const PROPERTY_TIMEOUT_MS = Math.max(240_000, FUZZ_RUNS * 60);

export type Actor = 'admin' | 'member' | 'anonymous';
export type Member = Exclude<Actor, 'anonymous'>;

export const ALLOWED_ERROR_KEYS = new Set(['statusCode', 'code', 'message', 'details', 'params']);

/** Statements that cannot change how many rows a table has. Anything else counts as a write. */
const CANNOT_WRITE = /^\s*(SELECT|START TRANSACTION|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE SAVEPOINT|SHOW)\b/i;

interface QueryableClass {
  prototype: { query(this: unknown, config: unknown, ...rest: unknown[]): unknown };
}

/**
 * Every table's row count (login_failures left out: failed sign-ins are counted on purpose),
 * read again only when a statement that could change one has run since it was last read.
 * The app runs in this process, so every statement it sends passes through the pg client
 * class watched here: a case that sent only SELECTs certainly wrote nothing, and its check
 * needs no new count. (Reading the counts, 25 tables, was the costliest part of a case.)
 */
class RowCounts {
  private known?: Record<string, number>;
  /** A statement that could write has run since `known` was read. */
  private dirty = true;
  reads = 0;

  constructor(
    private readonly t: ListeningApp,
    private readonly sql: string,
  ) {
    const driver = t.app.get(DataSource).driver as unknown as { master: { Client: QueryableClass } };
    const proto = driver.master.Client.prototype;
    const query = proto.query;
    const mark = () => {
      this.dirty = true;
    };
    proto.query = function watched(this: unknown, config: unknown, ...rest: unknown[]) {
      const text = typeof config === 'string' ? config : (config as { text?: unknown } | undefined)?.text;
      if (typeof text !== 'string' || !CANNOT_WRITE.test(text)) mark();
      return query.call(this, config, ...rest);
    };
  }

  /** Reads the counts now. (Clean first: a write during the read marks them stale again.) */
  read = async (): Promise<Record<string, number>> => {
    this.dirty = false;
    this.reads += 1;
    const counts = (await this.t.query<{ counts: Record<string, number> }>(this.sql))[0]!.counts;
    this.known = counts;
    return counts;
  };

  async current(): Promise<Record<string, number>> {
    return this.known && !this.dirty ? this.known : this.read();
  }

  /** Tables whose row count differs from `before` (read at the start of the case). */
  async changedSince(before: Record<string, number>): Promise<string[]> {
    if (!this.dirty && this.known === before) return [];
    const after = await this.read();
    return Object.keys(after).filter((k) => after[k] !== before[k]);
  }
}

export class FuzzWorld {
  readonly fastify: FastifyInstance;
  readonly counts: RowCounts;
  private cookies: Partial<Record<Member, string>> = {};

  private constructor(
    readonly t: ListeningApp,
    readonly fx: SqlFixtures,
    readonly actors: Record<Member, { id: string }>,
    readonly roomId: string,
    readonly pool: IdPool,
    countSql: string,
  ) {
    this.fastify = t.app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
    this.counts = new RowCounts(t, countSql);
  }

  static async start(): Promise<FuzzWorld> {
    const t = await startListeningApp({ CHAT_MESSAGES_PER_SECOND: '10000', REPORT_LIMIT_PER_HOUR: '10000' });
    const fx = new SqlFixtures(t);
    const admin = await memberSession(t, 'fuzzadmin');
    await t.query(`UPDATE users SET role = 'admin' WHERE id = $1`, [admin.user.id]);
    const member = await memberSession(t, 'fuzzmember');
    await fx.usePasswordHashOf(member.user.id);
    const room = await createRoom(admin.agent, { visibility: 'listed', joinPolicy: 'open' });
    await join(member.agent, room.id).expect(200);
    const thread = (await member.agent.post(`/api/rooms/${room.id}/threads`).send({ title: 'Fuzzing', body: 'Some words.' }).expect(201)).body as { id: string; firstPost: { id: string } };
    const reply = (await member.agent.post(`/api/threads/${thread.id}/posts`).send({ body: 'A reply.' }).expect(201)).body as { id: string };
    // Reading a thread page keeps the reader's place (a read marker, by design): both read it once
    // here, so a fuzzed GET only moves an existing marker and never adds a row.
    for (const reader of [admin, member]) await reader.agent.get(`/api/threads/${thread.id}/posts`).expect(200);
    const message = await fx.message(room.id, member.user.id);
    const queueItem = await fx.queueItem(room.id, 'post', reply.id, member.user.id);
    const logEntry = await fx.logEntry(admin.user.id, room.id, member.user.id);
    const notification = await fx.notification(member.user.id);
    const invite = await fx.invite(room.id, admin.user.id);
    const session = await fx.sessionId(member.user.id);
    const conversation = await fx.conversation(admin.user.id, member.user.id, 'active');
    const pool = {
      uuids: [room.id, thread.id, thread.firstPost.id, reply.id, message.id, queueItem, logEntry, notification, invite.id, session, conversation, admin.user.id, member.user.id],
      slugs: [room.slug],
    };
    const tables = (await t.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT IN ('login_failures', 'typeorm_migrations') ORDER BY 1`,
    )).map((r) => r.table_name);
    // A function takes at most 100 arguments (50 tables): the counts are built in chunks and joined.
    const chunks = Array.from({ length: Math.ceil(tables.length / 40) }, (_, i) => tables.slice(i * 40, i * 40 + 40));
    const objects = chunks.map((chunk) => `jsonb_build_object(${chunk.map((name) => `'${name}', (SELECT count(*) FROM "${name}")`).join(', ')})`);
    const countSql = `SELECT ${objects.join(' || ')} AS counts`;
    return new FuzzWorld(t, fx, { admin: admin.user, member: member.user }, room.id, pool, countSql);
  }

  /**
   * A session cookie for the actor, kept until something may have ended it (an accepted
   * case, a 401): a new session per case cost a write and a fresh row count every time.
   */
  async cookie(actor: Actor): Promise<string | undefined> {
    if (actor === 'anonymous') return undefined;
    if (!this.cookies[actor]) {
      this.cookies[actor] = `kindred_session=${await this.fx.session(this.actors[actor].id)}`;
    }
    return this.cookies[actor];
  }

  forgetSessions(): void {
    this.cookies = {};
  }

  /**
   * Undo what an accepted fuzz request may have changed about the actors (roles, sanctions,
   * chat lock, room settings, the member's membership): one round trip, as it runs after
   * every accepted case.
   */
  async resetActors(): Promise<void> {
    const { admin, member } = this.actors;
    await this.t.query(
      `WITH roles AS (UPDATE users SET role = CASE WHEN id = $1 THEN 'admin' ELSE 'member' END WHERE id = ANY($3::uuid[])),
            sanctions AS (UPDATE member_sanctions SET lifted_at = now() WHERE lifted_at IS NULL AND user_id = ANY($3::uuid[])),
            chats AS (UPDATE chat_rooms SET locked = false, slow_mode_seconds = 0),
            rooms AS (UPDATE rooms SET thread_slow_mode_seconds = 0, premoderate_first_posts = 0, require_content_warning = false, visibility = 'listed', join_policy = 'open')
       INSERT INTO room_memberships (room_id, user_id, role, guidelines_accepted_at) VALUES ($4, $2, 'member', now())
       ON CONFLICT (room_id, user_id) DO UPDATE SET role = EXCLUDED.role`,
      [admin.id, member.id, [admin.id, member.id], this.roomId],
    );
  }

  /**
   * After an accepted case: it may have changed the actors. (A session it ended shows as a 401
   * on the next case, which then forgets the cookies.)
   */
  async afterAccepted(): Promise<void> {
    await this.resetActors();
  }
}

/** Cases run and their outcomes, printed at the end of a file with the seed to replay them. */
export class Tally {
  random = 0;
  /** Deterministic constraint-sweep cases (one per documented constraint). */
  swept = 0;
  readonly by: Record<string, number> = {};
  refusedInvalid = 0;

  add(outcome: string): void {
    this.random += 1;
    this.by[outcome] = (this.by[outcome] ?? 0) + 1;
  }

  line(what: string, over: string, extra = ''): string {
    return (
      `\nfuzz ${what} (seed ${FUZZ_SEED}): ${this.random + this.swept} cases = ${this.random} random over ${over} ${JSON.stringify(this.by)} ` +
      `+ ${this.swept} from the constraint sweep; ${this.refusedInvalid} certainly-invalid inputs refused${extra}\n`
    );
  }
}
