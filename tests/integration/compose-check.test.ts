import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ComposeCheckResult, ConversationView } from '@kindred/contracts';
import { registerMember } from '../support/accounts.js';
import { expectApiError } from '../support/error-shape.js';
import { createRoom, join, memberWithRole, type Agent } from '../support/forum.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** Issue 15, item 2: one check before sending, shared by threads, replies, chat and private messages. */

let t: TestApp;
let member: Awaited<ReturnType<typeof registerMember>>;
let roomId: string;
let roomSlug: string;

beforeAll(async () => {
  t = await startTestApp();
  const admin = await memberWithRole(t, 'admin');
  const room = await createRoom(admin.agent);
  roomId = room.id;
  roomSlug = room.slug;
  member = await registerMember(t);
  await join(member.agent, roomId).expect(200);
});
afterAll(async () => {
  await t?.close();
});

const check = (agent: Agent, body: Record<string, unknown>) => agent.post('/api/compose/check').send(body);
const checked = async (body: Record<string, unknown>, agent: Agent = member.agent) => {
  const res = await check(agent, body);
  expect(res.status).toBe(200);
  return res.body as ComposeCheckResult;
};
const inRoom = (kind = 'reply') => ({ kind, roomId });
/** What each span covers, so a test reads as the words it expects. */
const covered = (result: ComposeCheckResult, draft: { text: string; title?: string }) =>
  result.identifying.map((s) => [s.kind, s.field, (s.field === 'title' ? draft.title! : draft.text).slice(s.start, s.end)]);

describe('identifying text', () => {
  it('points out each kind with its offsets in the text as written', async () => {
    const text =
      'Mi ex, Pedro Sánchez, vive en Calle Mayor 15. Call 555-201-3344 or write to jess.rivera@gmail.com; ' +
      'his car is AB12 CDE and I work at Walmart near Lincoln High School.';
    const result = await checked({ text, context: inRoom() });
    expect(covered(result, { text })).toEqual([
      ['full-name', 'text', 'Pedro Sánchez'],
      ['street-address', 'text', 'Calle Mayor 15'],
      ['phone', 'text', '555-201-3344'],
      ['email', 'text', 'jess.rivera@gmail.com'],
      ['car-plate', 'text', 'AB12 CDE'],
      ['school-or-workplace', 'text', 'Walmart'],
      ['school-or-workplace', 'text', 'Lincoln High School'],
    ]);
  });

  it('checks a new thread’s title too, and names which field each span is in', async () => {
    const draft = { title: 'About Michael Turner', text: 'He lives at 42 Maple Street.' };
    const result = await checked({ ...draft, context: inRoom('thread') });
    expect(covered(result, draft)).toEqual([
      ['full-name', 'title', 'Michael Turner'],
      ['street-address', 'text', '42 Maple Street'],
    ]);
  });

  it('finds nothing in everyday words, dates, times and prices', async () => {
    const result = await checked({ text: 'Main character energy! On 12/05/2024 at 10:30 I paid $120 and slept 4 hours.', context: inRoom('chat') });
    expect(result).toEqual({ identifying: [], crisis: false, suggestedWarnings: [] });
  });
});

describe('crisis language and suggested warnings', () => {
  it('says when the words read as crisis, and suggests the detector’s categories', async () => {
    const result = await checked({ text: 'I want to end my life tonight, I have the pills ready.', context: inRoom('chat') });
    expect(result.crisis).toBe(true);
    expect(result.suggestedWarnings).toContain('suicide');
  });

  it('suggests categories from the keyword lists in English and Spanish, in taxonomy order', async () => {
    const en = await checked({ text: 'He gaslighted me for years and then he stalked me after I left.', context: inRoom() });
    expect(en).toMatchObject({ crisis: false, suggestedWarnings: ['emotional-abuse', 'stalking-harassment'] });
    const es = await checked({ text: 'Mi ex me pegaba y después vino la recaída con el alcohol.', context: inRoom() });
    expect(es.suggestedWarnings).toEqual(['domestic-abuse', 'substance-use']);
  });

  it('never suggests a category already chosen', async () => {
    const result = await checked({ text: 'He gaslighted me and stalked me.', chosenWarnings: ['emotional-abuse'], context: inRoom() });
    expect(result.suggestedWarnings).toEqual(['stalking-harassment']);
  });
});

describe('where the draft goes', () => {
  it('accepts a room by slug, and a private conversation the member is in', async () => {
    await checked({ text: 'Hello 555-201-3344', context: { kind: 'thread', roomId: roomSlug } });
    const other = await registerMember(t);
    await join(other.agent, roomId).expect(200);
    const started = await member.agent.post('/api/conversations').send({ participantIds: [other.user.id], body: 'Hello there.', clientId: randomUUID() }).expect(201);
    const conversation = started.body as ConversationView;
    const result = await checked({ text: 'my number is 555-201-3344', context: { kind: 'message', conversationId: conversation.id } });
    expect(result.identifying).toEqual([{ kind: 'phone', field: 'text', start: 13, end: 25 }]);
    // Someone outside the conversation learns nothing about it: the same 404 as no conversation at all.
    const outsider = await registerMember(t);
    const theirs = await check(outsider.agent, { text: 'hi', context: { kind: 'message', conversationId: conversation.id } });
    const none = await check(outsider.agent, { text: 'hi', context: { kind: 'message', conversationId: randomUUID() } });
    expectApiError(theirs, 404, 'NOT_FOUND');
    expect(theirs.body).toEqual(none.body);
  });

  it('answers a hidden room the member cannot see exactly as a room that does not exist', async () => {
    const admin = await memberWithRole(t, 'admin');
    const hidden = await createRoom(admin.agent, { visibility: 'hidden', joinPolicy: 'invite' });
    const unseen = await check(member.agent, { text: 'hi', context: { kind: 'chat', roomId: hidden.id } });
    const missing = await check(member.agent, { text: 'hi', context: { kind: 'chat', roomId: randomUUID() } });
    expectApiError(unseen, 404, 'NOT_FOUND');
    expect(unseen.body).toEqual(missing.body);
  });
});

describe('refusals', () => {
  it('asks a visitor to sign in', async () => {
    expectApiError(await check(t.agent(), { text: 'hello', context: inRoom() }), 401, 'UNAUTHENTICATED');
  });

  it.each([
    ['empty text', { text: '', context: { kind: 'reply', roomId: 'ROOM' } }],
    ['blank text', { text: '   \n ', context: { kind: 'reply', roomId: 'ROOM' } }],
    ['no text', { context: { kind: 'reply', roomId: 'ROOM' } }],
    ['text too long for a post', { text: 'a'.repeat(20_001), context: { kind: 'reply', roomId: 'ROOM' } }],
    ['text too long for chat', { text: 'a'.repeat(2_001), context: { kind: 'chat', roomId: 'ROOM' } }],
    ['title too long', { text: 'a', title: 't'.repeat(201), context: { kind: 'thread', roomId: 'ROOM' } }],
    ['a title outside a new thread', { text: 'a', title: 'Hello', context: { kind: 'reply', roomId: 'ROOM' } }],
    ['no context', { text: 'a' }],
    ['an unknown kind', { text: 'a', context: { kind: 'letter', roomId: 'ROOM' } }],
    ['a room draft without a room', { text: 'a', context: { kind: 'chat' } }],
    ['a message without a conversation', { text: 'a', context: { kind: 'message', roomId: 'ROOM' } }],
    ['both a room and a conversation', { text: 'a', context: { kind: 'reply', roomId: 'ROOM', conversationId: randomUUID() } }],
    ['a conversation id that is not one', { text: 'a', context: { kind: 'message', conversationId: 'nope' } }],
    ['a room id with odd characters', { text: 'a', context: { kind: 'reply', roomId: "x' OR 1=1" } }],
    ['an unknown warning category', { text: 'a', chosenWarnings: ['spiders'], context: { kind: 'reply', roomId: 'ROOM' } }],
    ['an extra field', { text: 'a', store: true, context: { kind: 'reply', roomId: 'ROOM' } }],
    ['text that is not a string', { text: 42, context: { kind: 'reply', roomId: 'ROOM' } }],
  ])('refuses %s with a 400 in the one error shape', async (_name, body) => {
    const withRoom = JSON.parse(JSON.stringify(body).replace(/"ROOM"/g, JSON.stringify(roomId))) as Record<string, unknown>;
    expectApiError(await check(member.agent, withRoom), 400, 'VALIDATION_FAILED');
  });
});

describe('nothing of the check is kept', () => {
  it('stores no trace of the draft in any table', async () => {
    const marker = `Quillon Zebedee-${randomUUID().slice(0, 8)}`;
    await checked({ text: `My neighbour ${marker} lives at 9 Quiet Lane, 555-201-3344.`, context: inRoom() });
    const tables = await t.query<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'");
    expect(tables.length).toBeGreaterThan(10);
    for (const { table_name } of tables) {
      const rows = await t.query(`SELECT 1 FROM "${table_name}" AS row WHERE row::text LIKE $1 LIMIT 1`, [`%${marker}%`]);
      expect([table_name, rows.length]).toEqual([table_name, 0]);
    }
  });
});
