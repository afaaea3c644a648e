import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { registerMember } from '../support/accounts.js';
import { collectPages, createRoom, createThread, join, memberWithRole, reply, type Agent } from '../support/forum.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: Agent;

beforeAll(async () => {
  t = await startTestApp();
  admin = (await memberWithRole(t, 'admin')).agent;
});
afterAll(async () => {
  await t?.close();
});

type Result = { post: { id: string } };

/** A room with a thread and these replies, oldest first; answers the replies' ids in the same order. */
async function roomWith(bodies: string[]) {
  const room = await createRoom(admin);
  const author = await registerMember(t);
  const reader = await registerMember(t);
  await join(author.agent, room.id).expect(200);
  await join(reader.agent, room.id).expect(200);
  const thread = await createThread(author.agent, room.id, { body: 'An opening post.' });
  const ids: string[] = [];
  for (const body of bodies) ids.push((await reply(author.agent, thread.id, { body })).id);
  const search = async (q: string) =>
    ((await reader.agent.get(`/api/search?q=${encodeURIComponent(q)}&room=${room.id}`).expect(200)).body.items as Result[]).map((r) => r.post.id);
  return { room, author, reader, ids, search };
}

// Issue 18: a query's words are walked in `search_terms` (one word's posts, newest first); a
// query no word of which every match holds takes the walk over all posts. Same answers either way.
describe('search answers', () => {
  it('words, several words, a phrase, `or` and `-word`, newest first', async () => {
    const { ids, search } = await roomWith(['the lantern glows', 'a lantern and a harbour', 'harbour lights', 'a quiet harbour lantern']);
    const [glows, lanternHarbour, lights, quiet] = ids;
    expect(await search('lantern')).toEqual([quiet, lanternHarbour, glows]);
    expect(await search('lanterns')).toEqual([quiet, lanternHarbour, glows]);
    expect(await search('harbour lantern')).toEqual([quiet, lanternHarbour]);
    expect(await search('"harbour lantern"')).toEqual([quiet]);
    expect(await search('glows or lights')).toEqual([lights, glows]);
    expect(await search('harbour -lantern')).toEqual([lights]);
    expect(await search('-lantern -harbour -an -opening')).toEqual([]);
    // Only words PostgreSQL ignores, or none it knows: nothing, and no error.
    expect(await search('the and')).toEqual([]);
    expect(await search('lighthousekeeper')).toEqual([]);
  });

  it('words with quotes, hyphens and digits find the posts that hold them', async () => {
    const { ids, search } = await roomWith(["O'Brien's self-harm notes, 2026-12-05", 'notes without them']);
    const [odd] = ids;
    expect(await search("O'Brien")).toEqual([odd]);
    expect(await search('self-harm')).toEqual([odd]);
    expect(await search('2026-12-05 notes')).toEqual([odd]);
  });

  it('pages through every match newest first, for a word and for `or`', async () => {
    const bodies = Array.from({ length: 45 }, (_, i) => (i % 3 === 0 ? `a tide pool, number ${i}` : `a tide, number ${i}`));
    const { room, reader, ids } = await roomWith(bodies);
    const newestFirst = [...ids].reverse();
    const all = async (q: string) =>
      (await collectPages<Result & { id: string }>(reader.agent, `/api/search?q=${encodeURIComponent(q)}&room=${room.id}`)).map((r) => r.post.id);
    expect(await all('tide')).toEqual(newestFirst);
    expect(await all('pool')).toEqual(newestFirst.filter((_, i) => (44 - i) % 3 === 0));
    expect(await all('pool or tide')).toEqual(newestFirst);
  });

  it('a reply written after the search started is found by the next search, and a deleted one no more', async () => {
    const { author, search, ids } = await roomWith(['a marshwiggle walk']);
    const thread = (await t.query<{ thread_id: string }>('SELECT thread_id FROM posts WHERE id = $1', [ids[0]]))[0]!.thread_id;
    const later = await reply(author.agent, thread, { body: 'another marshwiggle walk' });
    expect(await search('marshwiggle')).toEqual([later.id, ids[0]]);
    // A thread removed for good (its posts with it) leaves no words behind.
    await t.query('DELETE FROM threads WHERE id = $1', [thread]);
    expect(await search('marshwiggle')).toEqual([]);
    expect(await t.query('SELECT 1 FROM search_terms WHERE post_id = ANY($1::uuid[])', [[later.id, ids[0]]])).toEqual([]);
  });
});
