import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { SESSION_SECRET } from './server.mjs';

pg.types.setTypeParser(20, (v) => v); // bigint as string, like the app

export const PASSWORD = 'quiet-harbour-lantern-42';

/** A fresh database per run, on the server named by the base URL. */
export async function createBenchDatabase(baseUrl) {
  const name = `kindred_bench_${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}_${randomBytes(2).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const info = (await admin.query(`SELECT version() AS v, current_setting('synchronous_commit') AS sc, current_setting('shared_buffers') AS sb`)).rows[0];
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    server: { version: info.v, synchronousCommit: info.sc, sharedBuffers: info.sb },
    async drop() {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/**
 * Stands in for autovacuum's ANALYZE when the server runs without it (this machine's shared
 * PostgreSQL is set up for tests with autovacuum off; every production setup has it on).
 * Without fresh statistics a growing table keeps the plans the app's prepared statements got
 * while it was empty — a sequential scan per chat message, say — so a long run would measure
 * the test server's configuration, not the app. Same rule as autovacuum: analyze a table once
 * more than 50 rows + 10 % of it changed. Returns a stop function (a no-op with autovacuum on).
 */
export async function imitateAutovacuumAnalyze(pool, { everyMs = 15_000, log = () => undefined } = {}) {
  const { rows } = await pool.query(`SELECT current_setting('autovacuum') AS on`);
  if (rows[0].on === 'on') return { active: false, stop: () => undefined };
  log(`autovacuum is off on this PostgreSQL: analyzing changed tables every ${everyMs / 1000} s by autovacuum's rule`);
  let runs = 0;
  const tick = async () => {
    const stale = await pool.query(
      `SELECT quote_ident(schemaname) || '.' || quote_ident(relname) AS name FROM pg_stat_user_tables
       WHERE n_mod_since_analyze > 50 + 0.1 * greatest(n_live_tup, 0)`,
    );
    for (const t of stale.rows) await pool.query(`ANALYZE ${t.name}`);
    runs += stale.rows.length;
  };
  const timer = setInterval(() => void tick().catch(() => undefined), everyMs);
  return { active: true, everyMs, analyzed: () => runs, stop: () => clearInterval(timer) };
}

export function connectPool(url, max = 4) {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle client ended by the server (the run's database dropped at the end) is not a
  // failure of the run; queries in flight still reject and are reported where they ran.
  pool.on('error', () => undefined);
  return pool;
}

export const hashToken = (token) => createHmac('sha256', SESSION_SECRET).update(token).digest('hex');

async function http(base, method, path, { cookie, body } = {}) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(cookie ? { cookie } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  if (res.status >= 400) throw new Error(`${method} ${path} → ${res.status}: ${text.slice(0, 300)}`);
  const setCookie = res.headers.getSetCookie?.() ?? [];
  const session = setCookie.map((c) => c.match(/^kindred_session=([^;]+)/)?.[1]).find(Boolean);
  return { status: res.status, body: json, session };
}

async function pooled(items, concurrency, fn) {
  const results = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await fn(items[i], i);
      }
    }),
  );
  return results;
}

/**
 * Test data, seeded quickly: one admin registered through the API (so the password hash and
 * every default are real), then members and their sessions copied in bulk with SQL. A session
 * token is random; only its keyed hash is stored, exactly as the app does.
 */
export class Seeder {
  constructor(db, base) {
    this.db = db;
    this.pool = connectPool(db.url, 4);
    this.base = base;
    this.users = [];
    this.rooms = [];
  }

  setBase(base) {
    this.base = base;
  }

  admin() {
    this.adminPromise ??= this.registerAdmin();
    return this.adminPromise;
  }

  async registerAdmin() {
    const res = await http(this.base, 'POST', '/api/auth/register', { body: { handle: 'bench_admin', password: PASSWORD } });
    await this.pool.query(`UPDATE users SET role = 'admin' WHERE id = $1`, [res.body.id]);
    this.adminCookie = `kindred_session=${res.session}`;
    this.adminId = res.body.id;
    return this.adminCookie;
  }

  /** Ensures at least `n` members with live sessions; returns them ({id, handle, token}). */
  async ensureUsers(n) {
    await this.admin();
    if (this.users.length >= n) return this.users.slice(0, n);
    const from = this.users.length;
    const { rows } = await this.pool.query(
      `INSERT INTO users (handle, handle_key, password_hash)
       SELECT 'bu' || g, 'bu' || g, (SELECT password_hash FROM users WHERE id = $3)
       FROM generate_series($1::int, $2::int) g ORDER BY g RETURNING id, handle`,
      [from, n - 1, this.adminId],
    );
    rows.sort((a, b) => Number(a.handle.slice(2)) - Number(b.handle.slice(2)));
    this.users.push(...(await this.openSessions(rows)));
    return this.users.slice(0, n);
  }

  /** `n` global moderators with live sessions (bench_mod0 …), for the soak's queue readers. */
  async ensureStaff(n) {
    await this.admin();
    if (n <= 0) return [];
    const { rows } = await this.pool.query(
      `INSERT INTO users (handle, handle_key, password_hash, role)
       SELECT 'bench_mod' || g, 'bench_mod' || g, (SELECT password_hash FROM users WHERE id = $2), 'moderator'
       FROM generate_series(0, $1::int - 1) g ON CONFLICT DO NOTHING RETURNING id, handle`,
      [n, this.adminId],
    );
    return this.openSessions(rows);
  }

  /** A session per user, stored as the app stores them (only the token's keyed hash). */
  async openSessions(rows) {
    const tokens = rows.map(() => randomBytes(32).toString('base64url'));
    await this.pool.query(
      `INSERT INTO sessions (user_id, token_hash, last_seen_at, expires_at, device)
       SELECT u, h, now(), now() + interval '6 days', 'bench' FROM unnest($1::uuid[], $2::text[]) AS x(u, h)`,
      [rows.map((r) => r.id), tokens.map(hashToken)],
    );
    return rows.map((r, i) => ({ id: r.id, handle: r.handle, token: tokens[i] }));
  }

  /** A room created through the API by the admin (so every room default is the app's own). */
  async createRoom(slug) {
    const res = await http(this.base, 'POST', '/api/rooms', {
      cookie: await this.admin(),
      body: { slug, name: `Bench ${slug}`.slice(0, 80), description: 'A room for benchmarks.', guidelines: 'Be kind.', visibility: 'listed', joinPolicy: 'open' },
    });
    return { id: res.body.id, slug: res.body.slug };
  }

  /** Chat rooms bench-room-0 … n-1. */
  async ensureRooms(n) {
    if (this.rooms.length >= n) return this.rooms.slice(0, n);
    const wanted = Array.from({ length: n - this.rooms.length }, (_, i) => this.rooms.length + i);
    const created = await pooled(wanted, 8, (i) => this.createRoom(`bench-room-${i}`));
    this.rooms.push(...created);
    return this.rooms.slice(0, n);
  }

  /**
   * Private conversations through the API, as members start them: `a` asks, `b` accepts.
   * `pairs`: [{a, b}] of users with sessions; answers each pair's conversation id, in order.
   */
  async openConversations(pairs) {
    return pooled(pairs, 8, async ({ a, b }) => {
      const started = await http(this.base, 'POST', '/api/conversations', {
        cookie: `kindred_session=${a.token}`,
        body: { participantIds: [b.userId], body: 'Hello, can we talk here?', clientId: randomUUID() },
      });
      await http(this.base, 'POST', `/api/conversations/${started.body.id}/accept`, { cookie: `kindred_session=${b.token}` });
      return started.body.id;
    });
  }

  /** Memberships as the open-room join writes them (accepting the guidelines). */
  async addMembers(pairs) {
    if (pairs.length === 0) return;
    for (let i = 0; i < pairs.length; i += 20_000) {
      const chunk = pairs.slice(i, i + 20_000);
      await this.pool.query(
        `INSERT INTO room_memberships (room_id, user_id, role, joined_at, guidelines_accepted_at)
         SELECT r, u, 'member', now(), now() FROM unnest($1::uuid[], $2::uuid[]) AS x(r, u) ON CONFLICT DO NOTHING`,
        [chunk.map((p) => p.roomId), chunk.map((p) => p.userId)],
      );
    }
  }

  /**
   * The http benchmark's forum: one room, `threads` threads of `postsPerThread` posts by
   * 200 authors, some with content warnings, about one reaction per post; and a viewer who
   * hides one warning category, shows another, and blocked five of the authors.
   */
  async seedForum({ threads, postsPerThread }) {
    const room = await this.createRoom('bench-forum');
    const authors = (await this.ensureUsers(Math.max(this.users.length, 202))).slice(0, 200);
    const viewer = this.users[200];
    const poster = this.users[201];
    await this.addMembers([...authors, viewer, poster].map((u) => ({ roomId: room.id, userId: u.id })));
    const { CONTENT_WARNING_CATEGORIES, REACTION_KINDS } = await import('@kindred/contracts');
    const authorIds = authors.map((a) => a.id);
    const [hide, show, other] = CONTENT_WARNING_CATEGORIES;
    const started = performance.now();
    await this.pool.query(
      `INSERT INTO threads (room_id, author_id, title, content_warnings, status, post_count, created_at, last_activity_at)
       SELECT $1, ($2::uuid[])[1 + (g % cardinality($2::uuid[]))], 'Bench thread ' || g,
              CASE WHEN g % 10 = 0 THEN ARRAY[$4::text] ELSE '{}'::text[] END, 'published', $3,
              now() - interval '30 days' + g * interval '10 minutes', now() - interval '1 day' + g * interval '1 second'
       FROM generate_series(1, $5::int) g`,
      [room.id, authorIds, postsPerThread, other, threads],
    );
    await this.pool.query(
      `INSERT INTO posts (thread_id, room_id, author_id, body, body_html, content_warnings, status, created_at)
       SELECT t.id, t.room_id, ($2::uuid[])[1 + ((t.n * 7 + p) % cardinality($2::uuid[]))],
              'Reply ' || p || ' in thread ' || t.n || '. ' || repeat('It helps to know I am not alone in this; thank you for writing it down. ', 3),
              '<p>Reply ' || p || ' in thread ' || t.n || '. ' || repeat('It helps to know I am not alone in this; thank you for writing it down. ', 3) || '</p>',
              CASE WHEN p % 9 = 0 THEN ARRAY[$3::text] WHEN p % 7 = 0 THEN ARRAY[$4::text] WHEN p % 11 = 0 THEN ARRAY[$5::text] ELSE '{}'::text[] END,
              'published', t.created_at + p * interval '1 minute'
       FROM (SELECT id, room_id, created_at, row_number() OVER (ORDER BY created_at) AS n FROM threads WHERE room_id = $1) t,
            generate_series(1, $6::int) p`,
      [room.id, authorIds, hide, show, other, postsPerThread],
    );
    await this.pool.query(
      `INSERT INTO reactions (post_id, user_id, kind)
       SELECT p.id, ($2::uuid[])[1 + (abs(hashtext(p.id::text)) % cardinality($2::uuid[]))], ($3::text[])[1 + (abs(hashtext(p.id::text)) % cardinality($3::text[]))]
       FROM posts p WHERE p.room_id = $1 AND abs(hashtext(p.id::text)) % 3 <> 0
       ON CONFLICT DO NOTHING`,
      [room.id, authorIds, [...REACTION_KINDS]],
    );
    await this.pool.query(`INSERT INTO warning_preferences (user_id, category, preference) VALUES ($1, $2, 'hide'), ($1, $3, 'show')`, [viewer.id, hide, show]);
    await this.pool.query(`INSERT INTO blocks (blocker_id, blocked_id) SELECT $1, unnest($2::uuid[])`, [viewer.id, authorIds.slice(0, 5)]);
    await this.pool.query('ANALYZE');
    const seedMs = performance.now() - started;
    const threadIds = (await this.pool.query('SELECT id FROM threads WHERE room_id = $1 ORDER BY created_at', [room.id])).rows.map((r) => r.id);
    const posts = Number((await this.pool.query('SELECT count(*) FROM posts WHERE room_id = $1', [room.id])).rows[0].count);
    return { room, viewer, poster, threadIds, posts, seedMs, filter: { hidden: [hide], shown: [show], blocked: authorIds.slice(0, 5) } };
  }

  /**
   * Issue 15: `n` personal filters for a member, through the API (so each is compiled as in use):
   * names, places and phrases that never occur in the seeded words, half `hide` and half `warn`,
   * a third partial — the cost of checking every post, not of hiding any.
   */
  async addPersonalFilters(user, n) {
    const cookie = `kindred_session=${user.token}`;
    const words = ['harbourside', 'lanternfield', 'corvinsky', 'marlowe street', 'ashgrove', 'the red kettle', 'brindleton', 'saltmarsh lane'];
    const ids = [];
    for (let i = 0; i < n; i += 1) {
      const body = { phrase: `${words[i % words.length]} ${i}`, mode: i % 2 ? 'warn' : 'hide', wholeWord: i % 3 !== 0, label: `label ${i}` };
      ids.push((await http(this.base, 'POST', '/api/me/filters', { cookie, body })).body.id);
    }
    return ids;
  }

  /** Removes them again through the API, so every cached view of the member is dropped. */
  async removePersonalFilters(user, ids) {
    const cookie = `kindred_session=${user.token}`;
    for (const id of ids) await http(this.base, 'DELETE', `/api/me/filters/${id}`, { cookie });
  }

  /**
   * Unread-heavy: the viewer opened every thread of the forum and read each halfway, and a
   * few new threads came since they joined, so the directory counts unread posts everywhere.
   */
  async seedHalfRead(forum) {
    await this.pool.query(`UPDATE room_memberships SET joined_at = now() - interval '31 days' WHERE user_id = $1`, [forum.viewer.id]);
    await this.pool.query(
      `INSERT INTO thread_read_markers (user_id, thread_id, room_id, read_at, read_post_id)
       SELECT $1, t.id, t.room_id, p.created_at, p.id FROM threads t
       CROSS JOIN LATERAL (SELECT id, created_at FROM posts WHERE thread_id = t.id ORDER BY created_at, id OFFSET (t.post_count / 2) LIMIT 1) p
       WHERE t.room_id = $2 AND t.id <> ALL($3::uuid[])
       ON CONFLICT (user_id, thread_id) DO UPDATE SET read_at = EXCLUDED.read_at, read_post_id = EXCLUDED.read_post_id`,
      [forum.viewer.id, forum.room.id, forum.threadIds.slice(-20)],
    );
    await this.pool.query(`DELETE FROM thread_read_markers WHERE user_id = $1 AND thread_id = ANY($2::uuid[])`, [forum.viewer.id, forum.threadIds.slice(-20)]);
    await this.pool.query('ANALYZE thread_read_markers');
  }

  async close() {
    await this.pool.end();
  }
}
