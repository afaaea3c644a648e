/**
 * Ill-formed text (lone UTF-16 surrogates in JSON, percent-escapes that are not UTF-8 in a
 * query) is refused by the one structural guard with a 400 before any field validator runs.
 * A lone surrogate in `email` made validator's isEmail throw URIError: a 500 (issue 21).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { ErrorCode } from '@kindred/contracts';
import { RegisterDto } from '../../apps/api/src/auth/dto/register.dto.js';
import { AppError } from '../../apps/api/src/common/errors/app-error.js';
import { createValidationPipe } from '../../apps/api/src/common/http/validation.js';
import { GOOD_PASSWORD, uniqueHandle } from '../support/accounts.js';
import { expectApiError } from '../support/error-shape.js';
import { createRoom, createThread, join } from '../support/forum.js';
import { connectedChat, memberSession, request, startListeningApp, type ChatClient, type ListeningApp } from '../support/realtime.js';

let t: ListeningApp;
let member: Awaited<ReturnType<typeof memberSession>>;
let roomId: string;
let threadId: string;
const sockets: ChatClient[] = [];

beforeAll(async () => {
  t = await startListeningApp();
  const admin = await memberSession(t, 'admin');
  await t.query(`UPDATE users SET role = 'admin' WHERE id = $1`, [admin.user.id]);
  member = await memberSession(t, 'writer');
  roomId = (await createRoom(admin.agent)).id;
  await join(member.agent, roomId).expect(200);
  threadId = (await createThread(member.agent, roomId)).id;
});
afterEach(() => {
  for (const s of sockets.splice(0)) s.disconnect();
});
afterAll(async () => {
  await t?.close();
});

const LONE = ['\ud800', '\udfff\ud800', 'a\ud800@b.co'];
const isWellFormed = (text: string) => !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);

async function userCount(handle: string): Promise<number> {
  const rows = await t.query<{ n: number }>('SELECT count(*)::int AS n FROM users WHERE handle_key = $1', [handle.toLowerCase()]);
  return rows[0]!.n;
}

describe('HTTP bodies', () => {
  it.each(LONE)('register with the email %j → 400 naming the field, no account', async (email) => {
    const handle = uniqueHandle('lone');
    const res = await t.http.post('/api/auth/register').send({ handle, password: GOOD_PASSWORD, email });
    expectApiError(res, 400, ErrorCode.ValidationFailed);
    expect(res.body.details).toEqual([expect.objectContaining({ field: 'email' })]);
    expect(await userCount(handle)).toBe(0);
  });

  it('sign-in with a lone surrogate in the handle or password → 400, not a failed sign-in', async () => {
    expectApiError(await t.http.post('/api/auth/login').send({ handle: 'river\ud800', password: GOOD_PASSWORD }), 400, ErrorCode.ValidationFailed);
    expectApiError(await t.http.post('/api/auth/login').send({ handle: member.handle, password: `${GOOD_PASSWORD}\udfff` }), 400, ErrorCode.ValidationFailed);
  });

  it('a post or thread whose words hold a lone surrogate → 400, nothing written (it was stored as U+FFFD)', async () => {
    const before = await t.query<{ n: number }>('SELECT count(*)::int AS n FROM posts');
    const reply = await member.agent.post(`/api/threads/${threadId}/posts`).send({ body: `Thank you \ud83d for this ${randomUUID()}` });
    expectApiError(reply, 400, ErrorCode.ValidationFailed);
    expect(reply.body.details).toEqual([expect.objectContaining({ field: 'body' })]);
    const thread = await member.agent.post(`/api/rooms/${roomId}/threads`).send({ title: 'Hello', body: 'Fine words.', warning: { categories: [], note: 'x\udc00' } });
    expectApiError(thread, 400, ErrorCode.ValidationFailed);
    expect(thread.body.details).toEqual([expect.objectContaining({ field: 'warning.note' })]);
    expect(await t.query('SELECT count(*)::int AS n FROM posts')).toEqual(before);
  });

  it('a key holding a lone surrogate → 400, and the answer names it in well-formed text', async () => {
    const handle = uniqueHandle('key');
    const res = await t.http.post('/api/auth/register').send({ handle, password: GOOD_PASSWORD, ['mail\ud800']: 'x' });
    expectApiError(res, 400, ErrorCode.ValidationFailed);
    const fields = (res.body.details as { field: string }[]).map((d) => d.field);
    expect(fields).toEqual(['mail\ufffd']);
    expect(fields.every(isWellFormed)).toBe(true);
    expect(await userCount(handle)).toBe(0);
  });
});

describe('query strings', () => {
  it.each([
    ['an encoded high surrogate', 'q=%ED%A0%80%ED%A0%80'],
    ['an encoded low surrogate after text', 'q=calm%ED%B0%80'],
    ['an overlong encoding', 'q=ab%C0%AF'],
    ['a stray continuation byte', 'q=ab%80'],
    ['a surrogate in a key', 'q=calm&%ED%A0%80=1'],
  ])('search with %s → 400', async (_, query) => {
    const res = await member.agent.get(`/api/search?${query}`);
    expectApiError(res, 400, ErrorCode.ValidationFailed);
  });

  it('well-formed escapes and a literal percent sign still search', async () => {
    await member.agent.get('/api/search?q=%F0%9F%8C%BF%20calm').expect(200);
    await member.agent.get('/api/search?q=100%25').expect(200);
    await member.agent.get('/api/search?q=100%').expect(200);
  });
});

describe('socket payloads', () => {
  it('a chat message holding a lone surrogate → a VALIDATION_FAILED ack, nothing stored', async () => {
    const socket = await connectedChat(t.baseUrl, member.token);
    sockets.push(socket);
    expect(await request(socket, 'chat:join', { roomId })).toMatchObject({ ok: true });
    const clientId = randomUUID();
    const ack = await request<{ ok: boolean; code?: string }>(socket, 'message:send', { roomId, clientId, body: 'here \ud800 now' });
    expect(ack).toMatchObject({ ok: false, code: ErrorCode.ValidationFailed });
    const keyed = await request<{ ok: boolean; code?: string }>(socket, 'message:send', { roomId, clientId: randomUUID(), body: 'fine', ['\udfff']: 1 });
    expect(keyed).toMatchObject({ ok: false, code: ErrorCode.ValidationFailed });
    const rows = await t.query<{ n: number }>('SELECT count(*)::int AS n FROM chat_messages WHERE client_id = $1', [clientId]);
    expect(rows[0]!.n).toBe(0);
  });
});

describe('an exception thrown inside validation', () => {
  it('is a 400 AppError from the validation pipe, never the URIError that became a 500', async () => {
    const pipe = createValidationPipe();
    const value = { handle: uniqueHandle('pipe'), password: GOOD_PASSWORD, email: 'a\ud800@b.co' };
    const outcome = await pipe.transform(value, { type: 'body', metatype: RegisterDto }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(outcome).toBeInstanceOf(AppError);
    expect(outcome).toMatchObject({ statusCode: 400, code: ErrorCode.ValidationFailed });
  });
});
