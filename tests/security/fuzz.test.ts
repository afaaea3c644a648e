/**
 * Property-based fuzzing of every REST operation in /api/openapi.json and every socket event
 * in ChatClientEvent. Seeded and bounded: `npm test` runs FUZZ_RUNS (default 1,000) REST cases
 * and half as many socket cases; `npm run fuzz` runs 20× that. Replay a failure with the
 * printed seed: FUZZ_SEED=<seed> FUZZ_RUNS=<n> npm run fuzz.
 *
 * The promise checked for every case: never a 5xx (or an INTERNAL ack), every 4xx in the one
 * error shape, nothing written when a request is refused (row counts of every table), and a
 * refusal whenever the input certainly breaks the contract. The server must still be healthy.
 * Besides the random cases, a deterministic sweep breaks every documented constraint of every
 * body (and socket payload) one at a time, and the bugs the fuzzer found are pinned as regressions.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CHAT_HISTORY_PAGE_MAX, CHAT_MESSAGE_MAX_LENGTH, CHAT_MUTE_MAX_MINUTES, CHAT_NOTICE_MAX_LENGTH, ChatClientEvent, MAX_SLOW_MODE_SECONDS, REACTION_KINDS } from '@kindred/contracts';
import fc from 'fast-check';
import { createRoom, join } from '../support/forum.js';
import { connectChat, connected, memberSession, request, startListeningApp, type ChatClient, type ListeningApp } from '../support/realtime.js';
import {
  BAD_IDS,
  RAW_PATH_SEGMENTS,
  badCursor,
  deepValue,
  edgeNumber,
  edgeString,
  malformedBody,
  malformedJson,
  DeepJson,
  constraintViolations,
  toJsonText,
  toValue,
  type Generated,
  type IdPool,
  type Schema,
} from './support/fuzz-inputs.js';
import { MAX_PAYLOAD_DEPTH } from '../../apps/api/src/common/http/body-guard.js';
import { SqlFixtures } from './support/sql-fixtures.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
const SEED = Number(process.env.FUZZ_SEED ?? 20_251_008);
const SOCKET_RUNS = Math.ceil(RUNS / 2);
/** Long runs (npm run fuzz) get time in proportion. */
const PROPERTY_TIMEOUT_MS = Math.max(240_000, RUNS * 60);

interface Operation {
  method: string;
  path: string;
  pathParams: string[];
  query: { name: string; schema: Schema }[];
  /** Has a validated query DTO, so unknown query parameters must be refused. */
  strictQuery: boolean;
  body?: Schema;
}

/** Query DTOs @nestjs/swagger cannot see (no @ApiProperty): documented here so they are fuzzed too. */
const UNDOCUMENTED_QUERY: Record<string, { name: string; schema: Schema }[]> = {
  'GET /api/moderation/log': [
    { name: 'room', schema: { type: 'string', format: 'uuid' } },
    { name: 'moderator', schema: { type: 'string', format: 'uuid' } },
    { name: 'member', schema: { type: 'string', format: 'uuid' } },
    { name: 'action', schema: { type: 'string', maxLength: 48 } },
    { name: 'from', schema: { type: 'string', format: 'date-time' } },
    { name: 'to', schema: { type: 'string', format: 'date-time' } },
    { name: 'cursor', schema: { type: 'string', maxLength: 512 } },
  ],
};

/** Socket payload contracts (libs/contracts chat.ts) as schemas the generator understands. */
const uuid: Schema = { type: 'string', format: 'uuid' };
const warning: Schema = {
  type: 'object',
  properties: { categories: { type: 'array', items: { type: 'string', enum: ['suicide', 'self-harm', 'violence'] } }, noneApply: { type: 'boolean' }, note: { type: 'string', maxLength: 100 } },
  required: ['categories'],
};
const reasonSchema: Schema = { type: 'string', minLength: 3, maxLength: 500 };
const SOCKET_SCHEMAS: Record<string, Schema> = {
  [ChatClientEvent.Join]: { type: 'object', properties: { roomId: uuid, lastMessageId: uuid }, required: ['roomId'] },
  [ChatClientEvent.Leave]: { type: 'object', properties: { roomId: uuid }, required: ['roomId'] },
  [ChatClientEvent.Send]: {
    type: 'object',
    properties: { roomId: uuid, clientId: { type: 'string', format: 'client-id', minLength: 8, maxLength: 64 }, body: { type: 'string', minLength: 1, maxLength: CHAT_MESSAGE_MAX_LENGTH }, warning, replyToMessageId: uuid },
    required: ['roomId', 'clientId', 'body'],
  },
  [ChatClientEvent.Edit]: { type: 'object', properties: { messageId: uuid, body: { type: 'string', minLength: 1, maxLength: CHAT_MESSAGE_MAX_LENGTH }, warning }, required: ['messageId', 'body'] },
  [ChatClientEvent.Delete]: { type: 'object', properties: { messageId: uuid }, required: ['messageId'] },
  [ChatClientEvent.Typing]: { type: 'object', properties: { roomId: uuid, typing: { type: 'boolean' } }, required: ['roomId', 'typing'] },
  [ChatClientEvent.History]: { type: 'object', properties: { roomId: uuid, beforeMessageId: uuid, limit: { type: 'integer', minimum: 1, maximum: CHAT_HISTORY_PAGE_MAX } }, required: ['roomId'] },
  [ChatClientEvent.MarkRead]: { type: 'object', properties: { roomId: uuid, messageId: uuid }, required: ['roomId', 'messageId'] },
  [ChatClientEvent.ModRemove]: { type: 'object', properties: { messageId: uuid, reason: reasonSchema }, required: ['messageId', 'reason'] },
  [ChatClientEvent.ModMute]: {
    type: 'object',
    properties: { roomId: uuid, userId: uuid, minutes: { type: 'integer', minimum: 1, maximum: CHAT_MUTE_MAX_MINUTES }, reason: reasonSchema },
    required: ['roomId', 'userId', 'minutes', 'reason'],
  },
  [ChatClientEvent.ModSlowMode]: { type: 'object', properties: { roomId: uuid, seconds: { type: 'integer', minimum: 0, maximum: MAX_SLOW_MODE_SECONDS } }, required: ['roomId', 'seconds'] },
  [ChatClientEvent.ModLock]: { type: 'object', properties: { roomId: uuid, locked: { type: 'boolean' }, reason: reasonSchema }, required: ['roomId', 'locked', 'reason'] },
  [ChatClientEvent.ModNotice]: { type: 'object', properties: { roomId: uuid, text: { type: 'string', minLength: 1, maxLength: CHAT_NOTICE_MAX_LENGTH, nullable: true } }, required: ['roomId', 'text'] },
};

let t: ListeningApp;
let fx: SqlFixtures;
let components: Record<string, Schema> = {};
let operations: Operation[] = [];
let pool: IdPool;
let actors: { admin: { id: string }; member: { id: string } };
let fuzzRoomId: string;
let countSql = '';
const stats = { rest: 0, socket: 0, restByStatus: {} as Record<string, number>, socketByOutcome: {} as Record<string, number>, refusedInvalid: 0 };

/** Every table's row count (login_failures left out: failed sign-ins are counted on purpose). */
async function snapshot(): Promise<Record<string, number>> {
  return (await t.query<{ counts: Record<string, number> }>(countSql))[0]!.counts;
}

/** Undo what an accepted fuzz request may have changed about the actors (roles, sanctions, chat lock). */
async function resetActors(): Promise<void> {
  await t.query(`UPDATE users SET role = CASE WHEN id = $1 THEN 'admin' ELSE 'member' END WHERE id = ANY($2::uuid[])`, [actors.admin.id, [actors.admin.id, actors.member.id]]);
  await t.query(`UPDATE member_sanctions SET lifted_at = now() WHERE lifted_at IS NULL AND user_id = ANY($1::uuid[])`, [[actors.admin.id, actors.member.id]]);
  await t.query(`UPDATE chat_rooms SET locked = false, slow_mode_seconds = 0`);
  await t.query(`UPDATE rooms SET thread_slow_mode_seconds = 0, premoderate_first_posts = 0, require_content_warning = false, visibility = 'listed', join_policy = 'open'`);
  await fx.member(fuzzRoomId, actors.member.id);
}

beforeAll(async () => {
  t = await startListeningApp({ CHAT_MESSAGES_PER_SECOND: '10000', REPORT_LIMIT_PER_HOUR: '10000' });
  fx = new SqlFixtures(t);
  const admin = await memberSession(t, 'fuzzadmin');
  await t.query(`UPDATE users SET role = 'admin' WHERE id = $1`, [admin.user.id]);
  const member = await memberSession(t, 'fuzzmember');
  await fx.usePasswordHashOf(member.user.id);
  actors = { admin: admin.user, member: member.user };
  const room = await createRoom(admin.agent, { visibility: 'listed', joinPolicy: 'open' });
  await join(member.agent, room.id).expect(200);
  fuzzRoomId = room.id;
  const thread = (await member.agent.post(`/api/rooms/${room.id}/threads`).send({ title: 'Fuzzing', body: 'Some words.' }).expect(201)).body as { id: string; firstPost: { id: string } };
  const reply = (await member.agent.post(`/api/threads/${thread.id}/posts`).send({ body: 'A reply.' }).expect(201)).body as { id: string };
  const message = await fx.message(room.id, member.user.id);
  const queueItem = await fx.queueItem(room.id, 'post', reply.id, member.user.id);
  const logEntry = await fx.logEntry(admin.user.id, room.id, member.user.id);
  const notification = await fx.notification(member.user.id);
  const invite = await fx.invite(room.id, admin.user.id);
  const session = await fx.sessionId(member.user.id);
  pool = {
    uuids: [room.id, thread.id, thread.firstPost.id, reply.id, message.id, queueItem, logEntry, notification, invite.id, session, admin.user.id, member.user.id],
    slugs: [room.slug],
  };

  const doc = (await t.http.get('/api/openapi.json').expect(200)).body as {
    paths: Record<string, Record<string, { parameters?: { in: string; name: string; schema?: Schema }[]; requestBody?: { content?: Record<string, { schema?: Schema }> } }>>;
    components: { schemas: Record<string, Schema> };
  };
  components = doc.components.schemas;
  operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => {
      const key = `${method.toUpperCase()} ${path}`;
      const documented = (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema ?? { type: 'string' } }));
      const query = [...documented, ...(UNDOCUMENTED_QUERY[key] ?? [])];
      return {
        method: method.toUpperCase(),
        path,
        pathParams: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!),
        query,
        strictQuery: query.length > 0,
        body: op.requestBody?.content?.['application/json']?.schema,
      };
    }),
  );

  const tables = (await t.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT IN ('login_failures', 'typeorm_migrations') ORDER BY 1`,
  )).map((r) => r.table_name);
  countSql = `SELECT json_build_object(${tables.map((name) => `'${name}', (SELECT count(*) FROM "${name}")`).join(', ')}) AS counts`;
}, 60_000);

afterAll(async () => {
  process.stdout.write(
    `\nfuzz (seed ${SEED}): ${stats.rest} REST cases over ${operations.length} operations ${JSON.stringify(stats.restByStatus)}, ` +
      `${stats.socket} socket cases over ${Object.keys(SOCKET_SCHEMAS).length} events ${JSON.stringify(stats.socketByOutcome)}; ` +
      `${stats.refusedInvalid} certainly-invalid inputs refused\n`,
  );
  await t?.close();
});

/** Percent-encodes the UTF-8 bytes of a path segment (encodeURIComponent throws on lone surrogates). */
const encodeSegment = (value: string) =>
  [...Buffer.from(value, 'utf8')].map((b) => (/[A-Za-z0-9\-._~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('');

interface Part {
  text: string;
  invalid: boolean;
  note: string;
}

function pathParam(name: string): fc.Arbitrary<Part> {
  const raw = fc.constantFrom(...RAW_PATH_SEGMENTS).map((text) => ({ text, invalid: true, note: `raw:${text}` }));
  const bad = fc.oneof(fc.constantFrom(...BAD_IDS.filter((b) => b !== '')), edgeString).map((v) => ({ text: encodeSegment(v), invalid: true, note: `bad:${JSON.stringify(v).slice(0, 40)}` }));
  if (name === 'type') return fc.oneof({ weight: 4, arbitrary: fc.constantFrom('post', 'thread', 'message', 'member').map((text) => ({ text, invalid: false, note: text })) }, bad, raw);
  if (name === 'kind') return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...REACTION_KINDS).map((text) => ({ text, invalid: false, note: text })) }, bad, raw);
  const valid = fc.constantFrom(...pool.uuids, ...(name === 'room' ? pool.slugs : [])).map((text) => ({ text, invalid: false, note: 'pool' }));
  // A well-formed id that does not exist: "not found" for most routes, a harmless no-op for some (unblock).
  const unknown = fc.uuid().map((text) => ({ text, invalid: name === 'room', note: 'unknown-uuid' }));
  return fc.oneof({ weight: 4, arbitrary: valid }, unknown, bad, raw);
}

function queryValue(name: string, schema: Schema): fc.Arbitrary<Part> {
  const enc = (v: string, invalid: boolean, note: string) => ({ text: `${name}=${encodeSegment(v)}`, invalid, note });
  const options: fc.Arbitrary<Part>[] = [edgeString.map((v) => enc(v, !!schema.enum || name === 'limit', `edge:${name}`))];
  if (name === 'cursor') options.push(badCursor.map((v) => enc(v, false, 'bad-cursor')));
  if (name === 'limit') options.push(edgeNumber.map((v) => enc(String(v), !(Number.isInteger(Number(v)) && Number(v) >= 1 && Number(v) <= 100 && /^\s*-?\d+\s*$/.test(String(v))), `limit:${v}`)));
  if (name === 'from' || name === 'to') {
    options.push(fc.constantFrom('2009-W01-1', '2009-123', '20090519', '2024-02-30', '2024-02-30T25:61:00Z', 'yesterday', '+275760-09-13T00:00:00Z', '0000-01-01').map((v) => enc(v, v === 'yesterday', `date:${v}`)));
  }
  if (schema.enum) options.push(fc.string({ maxLength: 10 }).filter((v) => !schema.enum!.includes(v)).map((v) => enc(v, true, `bad-enum:${name}`)));
  if (schema.format === 'uuid' || ['room', 'moderator', 'member'].includes(name)) options.push(fc.constantFrom(...BAD_IDS).map((v) => enc(v, false, `bad-id:${name}`)));
  options.push(fc.string({ minLength: 1, maxLength: 2_000 }).map((v) => enc(v, false, `long:${name}`)));
  // The same parameter twice arrives as an array, which no query field accepts.
  options.push(fc.tuple(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 })).map(([a, b]) => ({ text: `${name}=${encodeSegment(a)}&${name}=${encodeSegment(b)}`, invalid: true, note: `twice:${name}` })));
  return fc.oneof(...options);
}

function queryString(op: Operation): fc.Arbitrary<Part> {
  const params = op.query.map((q) => fc.option(queryValue(q.name, q.schema), { nil: undefined, freq: 2 }));
  const extra = fc.option(
    fc.constantFrom('isAdmin=1', 'toString=x', '__proto__=1', 'limit[a]=1', 'q[]=x', 'constructor[prototype][x]=1', '%ff=1').map((text) => ({ text, invalid: op.strictQuery, note: `extra:${text}` })),
    { nil: undefined, freq: 4 },
  );
  return fc.tuple(fc.tuple(...params), extra).map(([values, more]) => {
    const parts = [...values, more].filter((p): p is Part => !!p);
    return { text: parts.map((p) => p.text).join('&'), invalid: parts.some((p) => p.invalid), note: parts.map((p) => p.note).join(',') };
  });
}

interface BodyPart {
  kind: 'json' | 'raw' | 'none';
  value?: unknown;
  raw?: string;
  contentType?: string;
  invalid: boolean;
  note: string;
}

function body(op: Operation): fc.Arbitrary<BodyPart> {
  if (op.method === 'GET') return fc.constant({ kind: 'none', invalid: false, note: '' });
  const broken = malformedJson.map((raw) => ({ kind: 'raw' as const, raw, contentType: 'application/json', invalid: true, note: `malformed-json:${raw.slice(0, 20)}` }));
  const wrongMedia = fc.constantFrom('text/plain', 'application/xml', 'multipart/form-data; boundary=x').map((contentType) => ({
    kind: 'raw' as const,
    raw: '{"a":1}',
    contentType,
    // Fastify also parses text/plain (as a string): harmless for routes that take no body.
    invalid: contentType !== 'text/plain' || !!op.body,
    note: `content-type:${contentType}`,
  }));
  if (!op.body) {
    const junk = fc.oneof(fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(edgeString, edgeNumber), { maxKeys: 4 }), deepValue(10_000)).map((value) => ({
      kind: 'json' as const,
      value,
      // Routes without a body ignore one, but never a hostile structure.
      // A whole body of `depth` containers: the innermost sits at depth - 1.
      invalid: value instanceof DeepJson ? value.depth > MAX_PAYLOAD_DEPTH : Object.keys(value).some((k) => k in Object.prototype),
      note: 'junk-body',
    }));
    return fc.oneof({ weight: 2, arbitrary: fc.constant({ kind: 'none' as const, invalid: false, note: 'no-body' }) }, junk, broken, wrongMedia);
  }
  const mutated = malformedBody(op.body, components, pool).map((g: Generated) => ({ kind: 'json' as const, value: g.value, invalid: g.invalid, note: g.mutations.join(',') }));
  return fc.oneof({ weight: 6, arbitrary: mutated }, broken, wrongMedia);
}

type Actor = 'admin' | 'member' | 'anonymous';

interface RestCase {
  op: Operation;
  actor: Actor;
  path: string;
  query: Part;
  body: BodyPart;
  invalid: boolean;
  note: string;
}

const restCase: () => fc.Arbitrary<RestCase> = () =>
  fc.constantFrom(...operations).chain((op) =>
    fc
      .record({
        actor: fc.constantFrom<Actor>('admin', 'admin', 'member', 'anonymous'),
        params: fc.tuple(...op.pathParams.map(pathParam)),
        query: op.query.length > 0 ? queryString(op) : fc.option(queryString(op), { nil: undefined, freq: 3 }).map((q) => q ?? { text: '', invalid: false, note: '' }),
        body: body(op),
      })
      .map(({ actor, params, query, body }) => {
        let i = 0;
        const path = op.path.replace(/\{\w+\}/g, () => params[i++]!.text);
        const invalid = params.some((p) => p.invalid) || query.invalid || body.invalid;
        return { op, actor, path, query, body, invalid, note: [...params.map((p) => p.note), query.note, body.note].filter(Boolean).join(' | ') };
      }),
  );

const ALLOWED_KEYS = new Set(['statusCode', 'code', 'message', 'details']);

async function sessionCookie(actor: Actor): Promise<string | undefined> {
  return actor === 'anonymous' ? undefined : `kindred_session=${await fx.session(actors[actor].id)}`;
}

describe('fuzzing every REST operation in /api/openapi.json', () => {
  it(`${RUNS} malformed requests: never a 5xx, always the error shape, nothing written when refused`, async () => {
    expect(operations.length).toBeGreaterThan(50);
    await fc.assert(
      fc.asyncProperty(restCase(), async (c) => {
        const cookie = await sessionCookie(c.actor);
        const before = await snapshot();
        const url = c.query.text ? `${c.path}?${c.query.text}` : c.path;
        let req = t.http[c.op.method.toLowerCase() as 'get'](url);
        if (cookie) req = req.set('Cookie', cookie);
        if (c.body.kind === 'raw') req = req.set('Content-Type', c.body.contentType!).send(c.body.raw!);
        else if (c.body.kind === 'json') req = req.set('Content-Type', 'application/json').send(toJsonText(c.body.value));
        const res = await req;
        stats.rest += 1;
        const bucket = `${res.status}`;
        stats.restByStatus[bucket] = (stats.restByStatus[bucket] ?? 0) + 1;
        const where = `${c.op.method} ${url.slice(0, 300)} as ${c.actor} [${c.note.slice(0, 300)}]`;

        if (res.status >= 500) throw new Error(`${res.status} for ${where}: ${res.text.slice(0, 300)}`);
        if (res.status >= 400) {
          const b = res.body as Record<string, unknown>;
          const shaped = /application\/json/.test(String(res.headers['content-type'])) && b.statusCode === res.status && typeof b.code === 'string' && typeof b.message === 'string' && Object.keys(b).every((k) => ALLOWED_KEYS.has(k));
          if (!shaped) throw new Error(`not in the error shape for ${where}: ${res.status} ${res.text.slice(0, 300)}`);
          const after = await snapshot();
          const changed = Object.keys(after).filter((k) => after[k] !== before[k]);
          if (changed.length > 0) throw new Error(`refused with ${res.status} but wrote to ${changed.join(', ')} for ${where}`);
          if (c.invalid) stats.refusedInvalid += 1;
        } else {
          if (c.invalid) throw new Error(`accepted (${res.status}) a certainly-invalid request: ${where}`);
          await resetActors();
        }
      }),
      { numRuns: RUNS, seed: SEED, verbose: 1 },
    );
    await t.http.get('/api/health').expect(200);
  }, PROPERTY_TIMEOUT_MS);
});

describe('every documented constraint of every request body is enforced (deterministic sweep)', () => {
  it('breaking any one constraint is a 400 naming that field, and writes nothing', async () => {
    const wrong: string[] = [];
    let cases = 0;
    for (const op of operations.filter((o) => o.body)) {
      const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => (name === 'type' ? 'post' : name === 'kind' ? REACTION_KINDS[0] : pool.uuids[0]!));
      for (const v of constraintViolations(op.body!, components, pool.uuids[0]!)) {
        const cookie = (await sessionCookie('admin'))!;
        const before = await snapshot();
        const res = await t.http[op.method.toLowerCase() as 'post'](path)
          .set('Cookie', cookie)
          .set('Content-Type', 'application/json')
          .send(JSON.stringify(v.body));
        cases += 1;
        const details = (res.body?.details ?? []) as { field?: string }[];
        const named = details.some((d) => d.field === v.field || d.field?.startsWith(`${v.field}.`));
        if (res.status !== 400 || res.body.code !== 'VALIDATION_FAILED' || !named) {
          wrong.push(`${op.method} ${op.path} ${v.field} (${v.kind}): ${res.status} ${JSON.stringify(res.body).slice(0, 160)}`);
        }
        const after = await snapshot();
        if (Object.keys(after).some((k) => after[k] !== before[k])) wrong.push(`${op.method} ${op.path} ${v.field} (${v.kind}) wrote something`);
        if (res.status < 300) await resetActors();
      }
    }
    stats.rest += cases;
    process.stdout.write(`constraint sweep: ${cases} REST bodies\n`);
    expect(wrong).toEqual([]);
    expect(cases).toBeGreaterThan(100);
  }, 120_000);
});

describe('regressions the fuzzer found (fixed in apps/api/src)', () => {
  let cookie = '';
  const as = async (method: 'get' | 'post' | 'put' | 'patch', url: string, body?: unknown) => {
    const req = t.http[method](url).set('Cookie', cookie);
    return body === undefined ? req : req.set('Content-Type', 'application/json').send(typeof body === 'string' ? body : JSON.stringify(body));
  };
  const cursor = (at: string) => Buffer.from(JSON.stringify({ at, id: pool.uuids[0] })).toString('base64url');
  const cases: [string, () => Promise<{ status: number; body: Record<string, unknown> }>, string][] = [
    ['NUL in a thread body (PostgreSQL 22021)', () => as('post', `/api/rooms/${fuzzRoomId}/threads`, { title: 'ok', body: 'a\u0000b' }), 'VALIDATION_FAILED'],
    ['NUL in a handle at sign-in', () => as('post', '/api/auth/login', { handle: 'a\u0000b', password: 'whatever-it-is' }), 'VALIDATION_FAILED'],
    ['NUL in a search', () => as('get', '/api/search?q=a%00b'), 'VALIDATION_FAILED'],
    ['NUL in a room slug', () => as('get', '/api/rooms/a%00b'), 'VALIDATION_FAILED'],
    ['NUL in the admin user list cursor', () => as('get', '/api/admin/users?after=a%00b'), 'VALIDATION_FAILED'],
    ['a post cursor dated 2024-02-30', () => as('get', `/api/threads/${pool.uuids[1]}/posts?cursor=${cursor('2024-02-30T00:00:00Z')}`), 'INVALID_CURSOR'],
    ['a post cursor in year 0000', () => as('get', `/api/threads/${pool.uuids[1]}/posts?cursor=${cursor('0000-01-01T00:00:00Z')}`), 'INVALID_CURSOR'],
    ['a search cursor dated 2024-02-30', () => as('get', `/api/search?q=words&cursor=${cursor('2024-02-30T00:00:00Z')}`), 'INVALID_CURSOR'],
    ['a moderation-log cursor dated 2024-02-30', () => as('get', `/api/moderation/log?cursor=${cursor('2024-02-30T00:00:00Z')}`), 'INVALID_CURSOR'],
    ['a moderation-log week date (valid ISO 8601, not a JS date)', () => as('get', '/api/moderation/log?from=2009-W01-1'), 'VALIDATION_FAILED'],
    ['a 10,000-deep body (stack overflow in class-transformer)', () => as('post', `/api/rooms/${fuzzRoomId}/threads`, `{"title":"t","body":"b","x":${new DeepJson(10_000, true).text}}`), 'VALIDATION_FAILED'],
    ['an extra field named toString (dropped silently → 2xx)', () => as('post', `/api/rooms/${fuzzRoomId}/threads`, { title: 't', body: 'b', toString: 'x' }), 'VALIDATION_FAILED'],
    ['a warning sent as an array (dropped silently → post without its warning)', () => as('post', `/api/rooms/${fuzzRoomId}/threads`, { title: 't', body: 'b', warning: [{ categories: ['suicide'] }] }), 'VALIDATION_FAILED'],
    ['a path that is not valid UTF-8 (Fastify’s own shape)', () => as('get', '/api/rooms/%ff'), 'VALIDATION_FAILED'],
    ['a null setting (IsOptional let null through to a NOT NULL column)', () => as('patch', '/api/me/settings', { showPresence: null }), 'VALIDATION_FAILED'],
    ['a null room name', () => as('patch', `/api/rooms/${fuzzRoomId}`, { name: null }), 'VALIDATION_FAILED'],
    ['a null room setting at creation', () => as('post', '/api/rooms', { slug: 'nulls-here', name: 'Nulls', description: 'd', guidelines: 'g', visibility: 'listed', joinPolicy: 'open', premoderateFirstPosts: null }), 'VALIDATION_FAILED'],
    ['a null warning preference', () => as('put', '/api/me/warning-preferences', { suicide: null }), 'VALIDATION_FAILED'],
  ];
  it.each(cases)('%s → 400 in the error shape, nothing written', async (_, send, code) => {
    await resetActors();
    cookie = (await sessionCookie('admin'))!;
    const before = await snapshot();
    const res = await send();
    expect({ status: res.status, code: res.body.code, keys: Object.keys(res.body).filter((k) => !ALLOWED_KEYS.has(k)) }).toEqual({ status: 400, code, keys: [] });
    expect(await snapshot()).toEqual(before);
  });
});

describe('fuzzing every socket event in ChatClientEvent', () => {
  const sockets: Partial<Record<Exclude<Actor, 'anonymous'>, ChatClient>> = {};
  let roomId: string;

  async function socketFor(actor: Exclude<Actor, 'anonymous'>): Promise<ChatClient> {
    const existing = sockets[actor];
    if (existing?.connected) return existing;
    existing?.disconnect();
    const socket = connectChat(t.baseUrl, await fx.session(actors[actor].id));
    await connected(socket);
    await request(socket, ChatClientEvent.Join, { roomId });
    sockets[actor] = socket;
    return socket;
  }

  /** A socket of this actor that is in the room's chat now (the fuzz may have made it leave). */
  async function joinedSocket(actor: Exclude<Actor, 'anonymous'>): Promise<ChatClient> {
    await resetActors();
    const socket = await socketFor(actor);
    expect(await request(socket, ChatClientEvent.Join, { roomId })).toMatchObject({ ok: true });
    return socket;
  }

  beforeAll(async () => {
    roomId = fuzzRoomId;
  });
  afterAll(() => {
    for (const s of Object.values(sockets)) s?.disconnect();
  });

  it('covers every client event', () => {
    expect(Object.keys(SOCKET_SCHEMAS).sort()).toEqual((Object.values(ChatClientEvent) as string[]).sort());
  });

  it(`${SOCKET_RUNS} malformed event payloads: always an ack, never INTERNAL, nothing written when refused`, async () => {
    const socketCase = fc.constantFrom(...Object.keys(SOCKET_SCHEMAS)).chain((event) =>
      fc.record({
        event: fc.constant(event),
        actor: fc.constantFrom<'admin' | 'member'>('admin', 'member'),
        // Bounded: frames over 64 KB close the socket (tested below; 2,001 NULs are 12 KB of JSON);
        // very deep payloads and prototype-named keys have their own tests below.
        payload: fc.oneof(
          { weight: 6, arbitrary: malformedBody(SOCKET_SCHEMAS[event]!, {}, { uuids: [roomId, ...pool.uuids], slugs: [] }, { maxDepth: 30, maxString: 2_001 }) },
          fc.constantFrom(null, 'text', 42, true, [], [roomId]).map((value) => ({ value, mutations: ['not-an-object'], invalid: true })),
        ),
      }),
    );
    await fc.assert(
      fc.asyncProperty(socketCase, async ({ event, actor, payload }) => {
        const socket = await socketFor(actor);
        const before = await snapshot();
        const value = toValue(payload.value);
        const ack = await request<{ ok?: unknown; code?: unknown; message?: unknown }>(socket, event, value, 5_000);
        stats.socket += 1;
        const outcome = ack.ok === true ? 'ok' : String(ack.code);
        stats.socketByOutcome[outcome] = (stats.socketByOutcome[outcome] ?? 0) + 1;
        const where = `${event} as ${actor} [${payload.mutations.join(',')}] ${JSON.stringify(value)?.slice(0, 200)}`;
        if (ack.ok === true) {
          if (payload.invalid) throw new Error(`ok for a certainly-invalid payload: ${where}`);
          await resetActors();
          return;
        }
        if (ack.ok !== false || typeof ack.code !== 'string' || typeof ack.message !== 'string') throw new Error(`not an ack {ok, code, message}: ${JSON.stringify(ack)} for ${where}`);
        if (ack.code === 'INTERNAL' || ack.code === 'SERVICE_UNAVAILABLE') throw new Error(`${ack.code} for ${where}: ${ack.message}`);
        const after = await snapshot();
        const changed = Object.keys(after).filter((k) => after[k] !== before[k]);
        if (changed.length > 0) throw new Error(`refused with ${ack.code} but wrote to ${changed.join(', ')} for ${where}`);
        if (payload.invalid) stats.refusedInvalid += 1;
      }),
      { numRuns: SOCKET_RUNS, seed: SEED, verbose: 1 },
    );
    await t.http.get('/api/health').expect(200);
  }, PROPERTY_TIMEOUT_MS);

  it('breaking any one documented constraint of a socket payload is a VALIDATION_FAILED ack naming that field', async () => {
    const socket = await socketFor('admin');
    const wrong: string[] = [];
    let cases = 0;
    for (const [event, schema] of Object.entries(SOCKET_SCHEMAS)) {
      for (const v of constraintViolations(schema, {}, roomId)) {
        const ack = await request<{ ok: boolean; code?: string; message?: string }>(socket, event, v.body);
        cases += 1;
        if (ack.ok || ack.code !== 'VALIDATION_FAILED' || !ack.message?.startsWith(`${v.field}:`)) wrong.push(`${event} ${v.field} (${v.kind}): ${JSON.stringify(ack).slice(0, 160)}`);
      }
    }
    stats.socket += cases;
    process.stdout.write(`constraint sweep: ${cases} socket payloads\n`);
    expect(wrong).toEqual([]);
  });

  it('regression: NUL in a chat message is a VALIDATION_FAILED ack (was INTERNAL), nothing written', async () => {
    const socket = await joinedSocket('member');
    const before = await snapshot();
    const ack = await request(socket, ChatClientEvent.Send, { roomId, clientId: randomUUID(), body: 'a\u0000b' });
    expect(ack).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    expect(await snapshot()).toEqual(before);
  });

  it('a frame over the 64 KB limit closes only that socket; the server and other sockets carry on', async () => {
    const member = await socketFor('member');
    const admin = await socketFor('admin');
    const closed = new Promise<void>((resolve) => member.once('disconnect', () => resolve()));
    (member.emit as (e: string, ...a: unknown[]) => void)(ChatClientEvent.Send, { roomId, clientId: randomUUID(), body: 'x'.repeat(70 * 1024) });
    await closed;
    expect(await request(admin, ChatClientEvent.History, { roomId })).toMatchObject({ ok: true });
    await t.http.get('/api/health').expect(200);
  });

  // Socket payloads get the same structural guard as HTTP bodies (payloadStructureProblem from
  // body-guard.ts, called in parsePayload): these three were bugs, fixed after this suite found them.
  it('a 3,000-deep payload gets VALIDATION_FAILED, not INTERNAL (class-transformer used to overflow)', async () => {
    const socket = await joinedSocket('member');
    const ack = await request<{ ok: boolean; code?: string }>(socket, ChatClientEvent.Send, { roomId, clientId: randomUUID(), body: 'hi', warning: new DeepJson(3_000, true).toValue() });
    expect(ack).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
  });

  it('an extra `toString` key is refused like any unknown field (it used to be dropped silently)', async () => {
    const socket = await joinedSocket('member');
    expect(await request(socket, ChatClientEvent.History, { roomId, toString: 'x' })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
  });

  it('a warning sent as an array is refused, not silently dropped (the message used to go out unwarned)', async () => {
    const socket = await joinedSocket('member');
    const ack = await request<{ ok: boolean; code?: string }>(socket, ChatClientEvent.Send, { roomId, clientId: randomUUID(), body: 'hard words', warning: [{ categories: ['suicide'] }] });
    expect(ack).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
  });
});
