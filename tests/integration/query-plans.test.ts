import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ROOM_UNREAD_COUNT_CAP } from '@kindred/contracts';
import { WITHDRAW_POST_MENTIONS_SQL, WITHDRAW_THREAD_NOTICES_SQL } from '../../apps/api/src/notifications/withdraw.sql.js';
import { searchSql, searchWithoutDriverSql } from '../../apps/api/src/search/search.sql.js';
import { threadListHiddenCountSql, threadListPageSql } from '../../apps/api/src/threads/thread-list.sql.js';
import { ROOM_UNREAD_COUNTS_SQL, threadUnreadColumnsSql, threadUnreadJoinsSql } from '../../apps/api/src/threads/unread.sql.js';
import { createRoom, createThread, memberWithRole, reply } from '../support/forum.js';
import { registerMember } from '../support/accounts.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let roomId: string;
let threadId: string;
let authorId: string;
let adminAgent: ReturnType<TestApp['agent']>;

/** A room with 100k posts over 2k threads, written straight into PostgreSQL. */
beforeAll(async () => {
  t = await startTestApp();
  const admin = await memberWithRole(t, 'admin');
  authorId = admin.user.id;
  adminAgent = admin.agent;
  roomId = (await createRoom(admin.agent)).id;
  await t.query(
    `INSERT INTO threads (room_id, author_id, title, post_count, created_at, last_activity_at)
     SELECT $1, $2, 'thread ' || g, 50, now() - g * interval '1 minute', now() - g * interval '1 minute' FROM generate_series(1, 2000) g`,
    [roomId, authorId],
  );
  await t.query(
    `INSERT INTO posts (thread_id, room_id, author_id, body, body_html, created_at)
     SELECT t.id, $1, $2, 'post ' || g || ' in ' || t.title, '<p>post</p>', t.created_at + g * interval '1 second'
     FROM threads t CROSS JOIN generate_series(1, 50) g WHERE t.room_id = $1`,
    [roomId, authorId],
  );
  await t.query('ANALYZE posts');
  await t.query('ANALYZE threads');
  threadId = (await t.query<{ id: string }>('SELECT id FROM threads WHERE room_id = $1 LIMIT 1', [roomId]))[0]!.id;
}, 120_000);
afterAll(async () => {
  await t?.close();
});

async function plan(sql: string, params: unknown[]): Promise<string> {
  const rows = await t.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`, params);
  return rows.map((r) => r['QUERY PLAN']).join('\n');
}

/** What a statement read: shared buffers (hit or read) and the rows it answered. */
async function work(sql: string, params: unknown[]): Promise<{ buffers: number; rows: number }> {
  const [row] = await t.query<{ 'QUERY PLAN': [{ Plan: { 'Shared Hit Blocks': number; 'Shared Read Blocks': number; 'Actual Rows': number } }] }>(
    `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${sql}`,
    params,
  );
  const top = row!['QUERY PLAN'][0].Plan;
  return { buffers: top['Shared Hit Blocks'] + top['Shared Read Blocks'], rows: top['Actual Rows'] };
}

/**
 * A page of search results reads its 21 posts, their threads and their words' rows: about ten
 * buffers a result. Issue 18: before, a word only older posts held read every newer post first.
 */
const SEARCH_PAGE_BUFFERS = 400;

describe('query plans on a room with 100k posts', () => {
  it('has the posts', async () => {
    expect((await t.query<{ n: number }>('SELECT count(*)::int AS n FROM posts WHERE room_id = $1', [roomId]))[0]!.n).toBe(100_000);
  });

  it('the thread page reads posts through the index, never a sequential scan', async () => {
    const text = await plan(
      `SELECT p.id FROM posts p WHERE p.thread_id = $1 AND (false OR p.status = 'published' OR (p.status = 'pending' AND p.author_id = $2))
       AND (p.created_at, p.id) > ($3::timestamptz, $4::uuid) ORDER BY p.created_at, p.id LIMIT 51`,
      [threadId, authorId, '2000-01-01T00:00:00Z', '00000000-0000-0000-0000-000000000000'],
    );
    expect(text).toMatch(/Index (Only )?Scan|Bitmap Index Scan/);
    expect(text).not.toMatch(/Seq Scan on posts/);
  });

  it('the thread page through the API answers with all 50 posts in order', async () => {
    const page = (await adminAgent.get(`/api/threads/${threadId}/posts?limit=50`).expect(200)).body;
    expect(page.items).toHaveLength(50);
    expect(page.nextCursor).toBeNull();
    const times = page.items.map((p: { createdAt: string }) => Date.parse(p.createdAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  // The search as the service sends it: query, viewer, staff?, hidden categories, blocked authors, room.
  const searchParams = (words: string) => [words, authorId, false, [], [], roomId, null];
  const searchPlan = (words: string) => plan(searchSql(false, 20, /\S\s+\S/.test(words)), searchParams(words));

  it('full-text search for a rare phrase walks its rarest word, not every post holding the common one', async () => {
    const text = await searchPlan('thread 1999');
    expect(text).toMatch(/Index (Only )?Scan Backward using "?PK_\w+"? on search_terms/);
    const { buffers, rows } = await work(searchSql(false, 20, true), searchParams('thread 1999'));
    expect(rows).toBe(21);
    expect(buffers).toBeLessThan(SEARCH_PAGE_BUFFERS);
  });

  // Found by the soak: a word in every post ("post" here, "alone" in a support forum) made
  // PostgreSQL re-parse every body (~50 µs each) per search, and a few searches a second
  // starved the whole app. Stored terms make a common word cost a column read, not a parse.
  it('searching a word every post contains never re-parses post bodies', async () => {
    const text = await searchPlan('post');
    expect(text).not.toMatch(/to_tsvector/);
    // …and it reads the word's rows newest first until the page is full instead of sorting 100k matches.
    expect(text).toMatch(/Index (Only )?Scan Backward using "?PK_\w+"? on search_terms/);
    expect(text).not.toMatch(/Sort Key: [^\n]*created_at/);
  });

  it('a query with no word every match holds (`or`, `-word`) is left to the walk over posts, and only then', async () => {
    expect((await t.query(searchSql(false, 20), searchParams('post or nothing'))).length).toBe(0);
    expect(await t.query(searchWithoutDriverSql(false, 20), searchParams('post or nothing'))).toHaveLength(21);
    expect(await t.query(searchWithoutDriverSql(false, 20), searchParams('post'))).toEqual([]);
  });
});

describe('search while newer posts without the word pile up (issue 18, the soak)', () => {
  // As in the soak: replies in other words keep coming, in a livelier room.
  beforeAll(async () => {
    const lively = (await createRoom(adminAgent)).id;
    const thread = (await createThread(adminAgent, lively, { body: 'Thank you for sharing this.' })).id;
    await t.query(
      `INSERT INTO posts (thread_id, room_id, author_id, body, body_html, created_at)
       SELECT $1, $2, $3, 'Thank you for sharing this. Reading it tonight helped me feel less alone with my own. (' || g || ')',
              '<p>Thank you for sharing this. Reading it tonight helped me feel less alone with my own. (' || g || ')</p>', now() + g * interval '1 millisecond'
       FROM generate_series(1, 10000) g`,
      [thread, lively, authorId],
    );
    await t.query('ANALYZE posts');
  }, 60_000);

  const words = { 'a word only the older posts hold': 'thread', 'a word every newer post holds': 'tonight', 'a rare word': '1999', 'a word no post holds': 'lighthousekeeper' };
  for (const [what, word] of Object.entries(words)) {
    it(`${what} reads about a page, not the 10,000 newer posts`, async () => {
      const room = word === 'tonight' ? null : roomId;
      const { buffers } = await work(searchSql(false, 20), [word, authorId, false, [], [], room, null]);
      expect(buffers).toBeLessThan(SEARCH_PAGE_BUFFERS);
    });
  }

  it('and the next page too', async () => {
    const [last] = await t.query<{ sort_key: string; id: string }>(`SELECT sort_key, id FROM (${searchSql(false, 20)}) page ORDER BY created_at, id LIMIT 1`, [
      'thread', authorId, false, [], [], roomId, null,
    ]);
    const { buffers, rows } = await work(searchSql(true, 20), ['thread', authorId, false, [], [], roomId, null, last!.sort_key, last!.id]);
    expect(rows).toBe(21);
    expect(buffers).toBeLessThan(SEARCH_PAGE_BUFFERS);
  });
});

/** Every node of an `EXPLAIN (ANALYZE, FORMAT JSON)` plan, with the rows it produced in all. */
type PlanNode = { 'Node Type': string; 'Relation Name'?: string; 'Actual Rows': number; 'Actual Loops': number; Plans?: PlanNode[] };
const nodes = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodes)];
const produced = (node: PlanNode) => node['Actual Rows'] * node['Actual Loops'];

describe('the thread list on a room with 10,000 threads', () => {
  let bigRoom: string;
  const asOf = new Date().toISOString();

  beforeAll(async () => {
    bigRoom = (await createRoom(adminAgent)).id;
    // Every seventh thread carries a warning the viewer hides; five are pinned (one pin has
    // ended); a few were active after the snapshot.
    await t.query(
      `INSERT INTO threads (room_id, author_id, title, post_count, content_warnings, pinned, pinned_until, created_at, last_activity_at)
       SELECT $1, $2, 'busy ' || g, 1, CASE WHEN g % 7 = 0 THEN '{self-harm}'::text[] ELSE '{}' END,
              g IN (500, 2500, 5000, 7500, 9000), CASE WHEN g = 9000 THEN now() - interval '1 day' END,
              now() - g * interval '1 minute', CASE WHEN g % 1000 = 1 THEN now() + interval '1 hour' ELSE now() - g * interval '1 minute' END
       FROM generate_series(1, 10000) g`,
      [bigRoom, authorId],
    );
    await t.query('ANALYZE threads');
  }, 60_000);

  async function analyzed(sql: string, params: unknown[]): Promise<PlanNode[]> {
    const [row] = await t.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`, params);
    return nodes(row!['QUERY PLAN'][0].Plan);
  }

  // Room, snapshot, staff?, viewer, hidden categories, blocked authors, personal hide filters (one
  // more condition on the same bounded candidates).
  const viewer = () => [bigRoom, asOf, false, authorId, ['self-harm'], [], '(?<![[:alnum:]])zebra(?:s)?(?![[:alnum:]])'];
  const middle = () => t.query<{ last_activity_at: Date; id: string }>(`SELECT last_activity_at, id FROM threads WHERE room_id = $1 AND title = 'busy 4000'`, [bigRoom]);

  /** Bounded: no node reads or sorts more than a few hundred of the room's threads. */
  function expectBounded(plan: PlanNode[]): void {
    const threadReads = plan.filter((n) => n['Relation Name'] === 'threads');
    expect(threadReads.length).toBeGreaterThan(0);
    expect(threadReads.filter((n) => n['Node Type'] === 'Seq Scan')).toEqual([]);
    expect(plan.filter((n) => produced(n) > 300).map((n) => [n['Node Type'], n['Relation Name'], produced(n)])).toEqual([]);
  }

  it('the first page reads a bounded set of candidates, never sorting every thread', async () => {
    expectBounded(await analyzed(threadListPageSql(false, 20), viewer()));
  });

  it('a later page and its hidden count stay bounded too', async () => {
    const [key] = await middle();
    const after = [false, key!.last_activity_at.toISOString(), key!.id];
    expectBounded(await analyzed(threadListPageSql(true, 20), [...viewer(), ...after]));
    const lower = [false, new Date(key!.last_activity_at.getTime() - 20 * 60_000).toISOString(), '00000000-0000-0000-0000-000000000000'];
    expectBounded(await analyzed(threadListHiddenCountSql({ upper: 8, lower: 11 }), [...viewer(), ...after, ...lower]));
  });

  it('the list through the API: pinned first, bumped threads at their snapshot place, hidden ones counted out', async () => {
    const viewerAgent = adminAgent;
    await viewerAgent.put('/api/me/warning-preferences').send({ 'self-harm': 'hide' }).expect(200);
    const first = (await viewerAgent.get(`/api/rooms/${bigRoom}/threads?limit=10`).expect(200)).body;
    // 'busy 1' was active after the snapshot: it keeps its snapshot place (its creation).
    expect(first.items.map((i: { title: string }) => i.title)).toEqual(['busy 500', 'busy 2500', 'busy 5000', 'busy 7500', 'busy 1', 'busy 2', 'busy 3', 'busy 4', 'busy 5', 'busy 6']);
    const second = (await viewerAgent.get(`/api/rooms/${bigRoom}/threads?limit=10&cursor=${encodeURIComponent(first.nextCursor)}`).expect(200)).body;
    // 'busy 7' is hidden; 'busy 9000' (its pin ended) is far below.
    expect(second.items.map((i: { title: string }) => i.title)).toEqual(['busy 8', 'busy 9', 'busy 10', 'busy 11', 'busy 12', 'busy 13', 'busy 15', 'busy 16', 'busy 17', 'busy 18']);
    expect(second.hiddenCount).toBe(2);
    await viewerAgent.put('/api/me/warning-preferences').send({ 'self-harm': 'warn' }).expect(200);
  });
});

/**
 * The room directory's counts for one member read a few buffers per row they count: each new
 * thread, each marker with posts after it, each unread post, up to ROOM_UNREAD_COUNT_CAP of each.
 */
const ROOM_COUNTS_BUFFERS = 300;

describe('unread counts on the room with 100k posts', () => {
  let readerId: string;
  let readerAgent: ReturnType<TestApp['agent']>;

  // A member of the room who read 300 of its 2,000 threads halfway and muted a few of them,
  // among 50 other members who read 1,000 threads each (markers are mostly other people's).
  beforeAll(async () => {
    const reader = await memberWithRole(t, 'moderator', 'reader');
    readerId = reader.user.id;
    readerAgent = reader.agent;
    await t.query(`INSERT INTO room_memberships (room_id, user_id, joined_at, guidelines_accepted_at) VALUES ($1, $2, now(), now())`, [roomId, readerId]);
    await t.query(
      `INSERT INTO thread_read_markers (user_id, thread_id, room_id, read_at, read_post_id)
       SELECT u.id, t.id, $1, t.created_at, gen_random_uuid() FROM (SELECT gen_random_uuid() AS id FROM generate_series(1, 50)) u
       CROSS JOIN (SELECT id, created_at FROM threads WHERE room_id = $1 ORDER BY created_at DESC LIMIT 1000) t`,
      [roomId],
    );
    await t.query(
      `INSERT INTO thread_read_markers (user_id, thread_id, room_id, read_at, read_post_id)
       SELECT $2, t.id, $1, p.created_at, p.id FROM (SELECT id FROM threads WHERE room_id = $1 ORDER BY created_at LIMIT 300) t
       CROSS JOIN LATERAL (SELECT id, created_at FROM posts WHERE thread_id = t.id ORDER BY created_at, id OFFSET 24 LIMIT 1) p`,
      [roomId, readerId],
    );
    await t.query('INSERT INTO thread_mutes (user_id, thread_id) SELECT user_id, thread_id FROM thread_read_markers WHERE user_id = $1 LIMIT 5', [readerId]);
    // The seeded posts came after their threads' activity time; a real reply moves it.
    await t.query(`UPDATE threads SET last_activity_at = created_at + interval '50 seconds' WHERE room_id = $1`, [roomId]);
    await t.query('ANALYZE thread_read_markers');
    await t.query('ANALYZE threads');
  }, 60_000);

  it('the room directory’s counts read through indexes, never a sequential scan of posts, threads or markers', async () => {
    const text = await plan(ROOM_UNREAD_COUNTS_SQL, [readerId, ['self-harm'], [], '(?<![[:alnum:]])zebra(?:s)?(?![[:alnum:]])']);
    expect(text).toMatch(/IDX_posts_thread_page/);
    expect(text).toMatch(/IDX_threads_room_created/);
    expect(text).toMatch(/IDX_thread_read_markers_behind/);
    expect(text).not.toMatch(/Seq Scan on (posts|threads|thread_read_markers)/);
  });

  it('the thread list’s unread columns read through indexes too', async () => {
    const text = await plan(threadListPageSql(false, 20), [roomId, new Date().toISOString(), false, readerId, ['self-harm'], [], null]);
    expect(text).not.toMatch(/Seq Scan on (posts|threads|thread_read_markers)/);
  });

  it('and the counts are right: 25 unread posts in each thread read halfway, muted ones left out, counting stopped at the cap', async () => {
    const [row] = await t.query<{ new_threads: number; unread_posts: number }>(ROOM_UNREAD_COUNTS_SQL, [readerId, [], [], null]);
    // The threads were all started before the member joined: none is new.
    expect(row).toMatchObject({ new_threads: 0, unread_posts: ROOM_UNREAD_COUNT_CAP });
    const [thread] = await t.query<{ thread_id: string }>('SELECT thread_id FROM thread_read_markers WHERE user_id = $1 AND thread_id NOT IN (SELECT thread_id FROM thread_mutes WHERE user_id = $1) LIMIT 1', [readerId]);
    const [listed] = await t.query<{ unread_posts: number }>(
      `SELECT ${threadUnreadColumnsSql('t', '$2', '$3', '$4', '$5')} FROM threads t ${threadUnreadJoinsSql('t', 't.room_id', '$4')} WHERE t.id = $1`,
      [thread!.thread_id, [], [], readerId, null],
    );
    expect(listed!.unread_posts).toBe(25);
  });

  // Issue 18: the counts read every marker the member had in the room, and its thread, though
  // most had nothing new: the more of the forum someone had read, the more each directory cost.
  it('a member who read 1,500 threads to the end: the counts read the two with new posts, not every marker', async () => {
    const member = await registerMember(t);
    await t.query(`INSERT INTO room_memberships (room_id, user_id, joined_at, guidelines_accepted_at) VALUES ($1, $2, now(), now())`, [roomId, member.user.id]);
    await t.query(
      `INSERT INTO thread_read_markers (user_id, thread_id, room_id, read_at, read_post_id)
       SELECT $2, t.id, $1, p.created_at, p.id FROM (SELECT id FROM threads WHERE room_id = $1 ORDER BY created_at DESC LIMIT 1500) t
       CROSS JOIN LATERAL (SELECT id, created_at FROM posts WHERE thread_id = t.id ORDER BY created_at DESC, id DESC LIMIT 1) p`,
      [roomId, member.user.id],
    );
    const opened = await t.query<{ thread_id: string }>('SELECT thread_id FROM thread_read_markers WHERE user_id = $1 ORDER BY thread_id LIMIT 2', [member.user.id]);
    for (const { thread_id } of opened) await reply(adminAgent, thread_id);
    await t.query('ANALYZE thread_read_markers');
    const params = [member.user.id, [], [], null];
    const counts = await t.query<{ room_id: string }>(ROOM_UNREAD_COUNTS_SQL, params);
    expect(counts.find((c) => c.room_id === roomId)).toEqual({ room_id: roomId, new_threads: 0, unread_posts: 2 });
    expect((await work(ROOM_UNREAD_COUNTS_SQL, params)).buffers).toBeLessThan(ROOM_COUNTS_BUFFERS);
  });

  it('at the cap, both counts read about the cap’s rows: 1,700 new threads and 300 threads read halfway', async () => {
    const member = await registerMember(t);
    // Read 300 threads halfway, as the reader did, and joined just after them: the 1,700 later ones are new.
    await t.query(
      `INSERT INTO room_memberships (room_id, user_id, joined_at, guidelines_accepted_at)
       SELECT $1, $2, max(t.created_at), now() FROM thread_read_markers m JOIN threads t ON t.id = m.thread_id WHERE m.user_id = $3`,
      [roomId, member.user.id, readerId],
    );
    await t.query(
      `INSERT INTO thread_read_markers (user_id, thread_id, room_id, read_at, read_post_id) SELECT $2, thread_id, room_id, read_at, read_post_id FROM thread_read_markers WHERE user_id = $1`,
      [readerId, member.user.id],
    );
    await t.query('ANALYZE thread_read_markers');
    const params = [member.user.id, [], [], null];
    const counts = await t.query<{ room_id: string }>(ROOM_UNREAD_COUNTS_SQL, params);
    expect(counts.find((c) => c.room_id === roomId)).toEqual({ room_id: roomId, new_threads: ROOM_UNREAD_COUNT_CAP, unread_posts: ROOM_UNREAD_COUNT_CAP });
    expect((await work(ROOM_UNREAD_COUNTS_SQL, params)).buffers).toBeLessThan(ROOM_COUNTS_BUFFERS);
  });

  it('after "mark room read", the threads quiet since cost nothing: no marker is read', async () => {
    await readerAgent.put(`/api/rooms/${roomId}/read`).expect(204);
    const params = [readerId, [], [], null];
    const [row] = await t.query<{ new_threads: number; unread_posts: number }>(ROOM_UNREAD_COUNTS_SQL, params);
    expect(row).toMatchObject({ new_threads: 0, unread_posts: 0 });
    expect((await work(ROOM_UNREAD_COUNTS_SQL, params)).buffers).toBeLessThan(50);
  });
});

/**
 * A thread a moderator hides takes its reply and mention notices with it, inside the moderator's
 * transaction: found by link through IDX_notifications_thread_link, not by reading every
 * member's notices.
 */
describe('withdrawing the notices about a hidden thread', () => {
  it('reads them through the link index, never a sequential scan of notifications', async () => {
    await t.query(
      `INSERT INTO notifications (user_id, kind, code, params, title, body, link, created_at)
       SELECT $1, CASE WHEN g % 3 = 0 THEN 'mention' ELSE 'reply' END, 'reply.new', '{}', 't', 'b',
              '/threads/' || gen_random_uuid() || CASE WHEN g % 3 = 0 THEN '#post-' || gen_random_uuid() ELSE '' END, now()
       FROM generate_series(1, 30000) g`,
      [authorId],
    );
    await t.query('ANALYZE notifications');
    for (const [sql, params] of [
      [WITHDRAW_THREAD_NOTICES_SQL, [`/threads/${threadId}`]],
      [WITHDRAW_POST_MENTIONS_SQL, [`/threads/${threadId}`, threadId]],
    ] as const) {
      const shown = await plan(sql, [...params]);
      expect(shown).toContain('IDX_notifications_thread_link');
      expect(shown).not.toContain('Seq Scan on notifications');
    }
  });
});
