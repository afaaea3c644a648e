import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { searchSql } from '../../apps/api/src/search/search.sql.js';
import { createRoom, memberWithRole } from '../support/forum.js';
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
  const searchPlan = (words: string) => plan(searchSql(false, 20), [words, authorId, false, [], [], roomId]);

  it('full-text search for a rare phrase uses the GIN index', async () => {
    expect(await searchPlan('thread 1999')).toMatch(/Bitmap Index Scan on "?IDX_posts_search"?/);
  });

  // Found by the soak: a word in every post ("post" here, "alone" in a support forum) made
  // PostgreSQL re-parse every body (~50 µs each) per search, and a few searches a second
  // starved the whole app. Stored terms make a common word cost a column read, not a parse.
  it('searching a word every post contains never re-parses post bodies', async () => {
    const text = await searchPlan('post');
    expect(text).not.toMatch(/to_tsvector/);
    // …and it reads newest first until the page is full instead of sorting 100k matches.
    expect(text).toMatch(/Index Scan Backward using "?IDX_posts_recent"?/);
    expect(text).not.toMatch(/Sort/);
  });
});
