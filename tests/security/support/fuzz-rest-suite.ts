/**
 * Property-based fuzzing of every REST operation in /api/openapi.json (socket events:
 * fuzz-socket.test.ts), in parts that are test files of their own (fuzz-rest-N.test.ts), so
 * Jest's workers run them side by side; each part fuzzes every Nth operation. Seeded and
 * bounded: `npm test` runs FUZZ_RUNS (default 7,000) random cases over all parts; `npm run
 * fuzz` runs ten times that. Replay a failure with the printed seed:
 * FUZZ_SEED=<seed> FUZZ_RUNS=<n> npm run fuzz.
 *
 * The promise checked for every case: never a 5xx, every 4xx in the one error shape, nothing
 * written when a request is refused or is a GET (row counts of every table), and a refusal
 * whenever the input certainly breaks the contract. The server must still be healthy.
 * Besides the random cases, a deterministic sweep breaks every documented constraint of
 * every body one at a time, and the bugs the fuzzer found are pinned as regressions.
 *
 * Requests go through Fastify's inject (in process: no socket, no HTTP parser, no client
 * library); the few whose path a URL parser would rewrite go over a real port instead.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { REACTION_KINDS } from '@kindred/contracts';
import fc from 'fast-check';
import { constraintViolations, DeepJson, toJsonText, type Schema } from './fuzz-inputs.js';
import { operationsOf, restCases, type BodyPart, type OpenApiDocument, type Operation, type RestCase } from './fuzz-rest-cases.js';
import { ALLOWED_ERROR_KEYS, FUZZ_RUNS, FUZZ_SEED, FuzzWorld, PROPERTY_TIMEOUT_MS, Tally } from './fuzz-world.js';

/** Part `part` (1-based) of `parts`: every parts-th operation, its share of the runs, and (part 1) the regressions. */
export function fuzzRestSuite(part: number, parts: number): void {
  const runs = Math.ceil(FUZZ_RUNS / parts);
  const name = `REST part ${part}/${parts}`;
  let world: FuzzWorld;
  let components: Record<string, Schema> = {};
  /** This part's share of the operations (every parts-th, so each part gets a mix). */
  let operations: Operation[] = [];
  let allOperations = 0;
  const tally = new Tally();
  let overHttp = 0;

  interface Reply {
    status: number;
    contentType: string;
    text: string;
    body: Record<string, unknown>;
  }

  /** Would the WHATWG URL parser (which inject uses) send this target as it is? */
  const keptAsIs = (url: string) => {
    const parsed = new URL(url, 'http://localhost');
    return parsed.pathname + parsed.search === url;
  };

  async function send(method: string, url: string, cookie: string | undefined, body: BodyPart): Promise<Reply> {
    const headers: Record<string, string> = cookie ? { cookie } : {};
    const payload = body.kind === 'raw' ? body.raw : body.kind === 'json' ? toJsonText(body.value) : undefined;
    if (payload !== undefined) headers['content-type'] = body.kind === 'raw' ? body.contentType! : 'application/json';
    let status: number;
    let contentType: string;
    let text: string;
    if (keptAsIs(url)) {
      const res = await world.fastify.inject({ method: method as 'GET', url, headers, payload });
      [status, contentType, text] = [res.statusCode, String(res.headers['content-type'] ?? ''), res.body];
    } else {
      overHttp += 1;
      let req = world.t.http[method.toLowerCase() as 'get'](url).set(headers);
      if (payload !== undefined) req = req.send(payload);
      const res = await req;
      [status, contentType, text] = [res.status, String(res.headers['content-type'] ?? ''), res.text];
    }
    let parsed: Record<string, unknown> = {};
    try {
      parsed = JSON.parse(text) as Record<string, unknown>;
    } catch {
      // Not JSON: the shape check below says so for errors.
    }
    return { status, contentType, text, body: parsed ?? {} };
  }

  const inErrorShape = (res: Reply) =>
    /application\/json/.test(res.contentType) &&
    res.body.statusCode === res.status &&
    typeof res.body.code === 'string' &&
    typeof res.body.message === 'string' &&
    Object.keys(res.body).every((k) => ALLOWED_ERROR_KEYS.has(k));

  beforeAll(async () => {
    world = await FuzzWorld.start();
    const doc = (await world.t.http.get('/api/openapi.json').expect(200)).body as OpenApiDocument;
    components = doc.components.schemas;
    const all = operationsOf(doc);
    allOperations = all.length;
    operations = all.filter((_, i) => i % parts === part - 1);
  }, 60_000);

  afterAll(async () => {
    process.stdout.write(tally.line(name, `${operations.length} of ${allOperations} operations`, `; ${overHttp} sent over a port (paths a URL parser would rewrite), the rest by inject; row counts read ${world?.counts.reads} times`));
    await world?.t.close();
  });

  describe(`fuzzing every REST operation in /api/openapi.json (${name})`, () => {
    it(`${runs} malformed requests: never a 5xx, always the error shape, nothing written when refused or by a GET`, async () => {
      expect(allOperations).toBeGreaterThan(50);
      await fc.assert(
        fc.asyncProperty(restCases(operations, components, world.pool), async (c: RestCase) => {
          const cookie = await world.cookie(c.actor);
          const before = await world.counts.current();
          const url = c.query.text ? `${c.path}?${c.query.text}` : c.path;
          const res = await send(c.op.method, url, cookie, c.body);
          tally.add(String(res.status));
          const where = `${c.op.method} ${url.slice(0, 300)} as ${c.actor} [${c.note.slice(0, 300)}]`;

          if (res.status >= 500) throw new Error(`${res.status} for ${where}: ${res.text.slice(0, 300)}`);
          if (res.status >= 400) {
            if (!inErrorShape(res)) throw new Error(`not in the error shape for ${where}: ${res.status} ${res.text.slice(0, 300)}`);
            const changed = await world.counts.changedSince(before);
            if (changed.length > 0) throw new Error(`refused with ${res.status} but wrote to ${changed.join(', ')} for ${where}`);
            if (c.invalid) tally.refusedInvalid += 1;
            // (A session ended by an earlier case: the next one gets a fresh session.)
            if (res.body.code === 'UNAUTHENTICATED' && c.actor !== 'anonymous') world.forgetSessions();
          } else {
            if (c.invalid) throw new Error(`accepted (${res.status}) a certainly-invalid request: ${where}`);
            if (c.op.method === 'GET') {
              // GET is a safe method: it writes nothing, answered or not (so nothing to undo).
              const changed = await world.counts.changedSince(before);
              if (changed.length > 0) throw new Error(`GET wrote to ${changed.join(', ')}: ${where}`);
            } else await world.afterAccepted();
          }
        }),
        { numRuns: runs, seed: FUZZ_SEED, verbose: 1 },
      );
      await world.t.http.get('/api/health').expect(200);
    }, PROPERTY_TIMEOUT_MS);
  });

  describe('every documented constraint of every request body is enforced (deterministic sweep)', () => {
    it('breaking any one constraint is a 400 naming that field, and writes nothing', async () => {
      const wrong: string[] = [];
      let cases = 0;
      for (const op of operations.filter((o) => o.body)) {
        const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => (name === 'type' ? 'post' : name === 'kind' ? REACTION_KINDS[0] : world.pool.uuids[0]!));
        for (const v of constraintViolations(op.body!, components, world.pool.uuids[0]!)) {
          const cookie = await world.cookie('admin');
          const before = await world.counts.current();
          const res = await send(op.method, path, cookie, { kind: 'raw', raw: JSON.stringify(v.body), contentType: 'application/json', invalid: true, note: '' });
          cases += 1;
          const details = (res.body.details ?? []) as { field?: string }[];
          const named = details.some((d) => d.field === v.field || d.field?.startsWith(`${v.field}.`));
          if (res.status !== 400 || res.body.code !== 'VALIDATION_FAILED' || !named) {
            wrong.push(`${op.method} ${op.path} ${v.field} (${v.kind}): ${res.status} ${res.text.slice(0, 160)}`);
          }
          if ((await world.counts.changedSince(before)).length > 0) wrong.push(`${op.method} ${op.path} ${v.field} (${v.kind}) wrote something`);
          if (res.status < 300) await world.afterAccepted();
        }
      }
      tally.swept += cases;
      expect(wrong).toEqual([]);
      expect(cases).toBeGreaterThan(100 / parts);
    }, 120_000);
  });

  // Pinned once, in part 1.
  if (part !== 1) return;
  it('the row-count check sees what the app writes (it skips counting only when no write statement ran)', async () => {
    const before = await world.counts.current();
    const res = await send('POST', `/api/rooms/${world.roomId}/threads`, await world.cookie('member'), { kind: 'json', value: { title: 'Seen', body: 'Written.' }, invalid: false, note: '' });
    expect(res.status).toBe(201);
    expect(await world.counts.changedSince(before)).toEqual(expect.arrayContaining(['threads', 'posts']));
    const unchanged = await world.counts.current();
    expect(await world.counts.changedSince(unchanged)).toEqual([]);
  });

  describe('regressions the fuzzer found (fixed in apps/api/src)', () => {
    let cookie = '';
    const as = async (method: 'get' | 'post' | 'put' | 'patch', url: string, body?: unknown) => {
      const req = world.t.http[method](url).set('Cookie', cookie);
      return body === undefined ? req : req.set('Content-Type', 'application/json').send(typeof body === 'string' ? body : JSON.stringify(body));
    };
    const cursor = (at: string) => Buffer.from(JSON.stringify({ at, id: world.pool.uuids[0] })).toString('base64url');
    const roomId = () => world.roomId;
    const cases: [string, () => Promise<{ status: number; body: Record<string, unknown> }>, string][] = [
      ['NUL in a thread body (PostgreSQL 22021)', () => as('post', `/api/rooms/${roomId()}/threads`, { title: 'ok', body: 'a\u0000b' }), 'VALIDATION_FAILED'],
      ['NUL in a handle at sign-in', () => as('post', '/api/auth/login', { handle: 'a\u0000b', password: 'whatever-it-is' }), 'VALIDATION_FAILED'],
      ['NUL in a search', () => as('get', '/api/search?q=a%00b'), 'VALIDATION_FAILED'],
      ['NUL in a room slug', () => as('get', '/api/rooms/a%00b'), 'VALIDATION_FAILED'],
      ['NUL in the admin user list cursor', () => as('get', '/api/admin/users?after=a%00b'), 'VALIDATION_FAILED'],
      ['a post cursor dated 2024-02-30', () => as('get', `/api/threads/${world.pool.uuids[1]}/posts?cursor=${cursor('2024-02-30T00:00:00Z')}`), 'INVALID_CURSOR'],
      ['a post cursor in year 0000', () => as('get', `/api/threads/${world.pool.uuids[1]}/posts?cursor=${cursor('0000-01-01T00:00:00Z')}`), 'INVALID_CURSOR'],
      ['a search cursor dated 2024-02-30', () => as('get', `/api/search?q=words&cursor=${cursor('2024-02-30T00:00:00Z')}`), 'INVALID_CURSOR'],
      ['a moderation-log cursor dated 2024-02-30', () => as('get', `/api/moderation/log?cursor=${cursor('2024-02-30T00:00:00Z')}`), 'INVALID_CURSOR'],
      ['a moderation-log week date (valid ISO 8601, not a JS date)', () => as('get', '/api/moderation/log?from=2009-W01-1'), 'VALIDATION_FAILED'],
      ['a 10,000-deep body (stack overflow in class-transformer)', () => as('post', `/api/rooms/${roomId()}/threads`, `{"title":"t","body":"b","x":${new DeepJson(10_000, true).text}}`), 'VALIDATION_FAILED'],
      ['an extra field named toString (dropped silently → 2xx)', () => as('post', `/api/rooms/${roomId()}/threads`, { title: 't', body: 'b', toString: 'x' }), 'VALIDATION_FAILED'],
      ['a warning sent as an array (dropped silently → post without its warning)', () => as('post', `/api/rooms/${roomId()}/threads`, { title: 't', body: 'b', warning: [{ categories: ['suicide'] }] }), 'VALIDATION_FAILED'],
      ['a path that is not valid UTF-8 (Fastify’s own shape)', () => as('get', '/api/rooms/%ff'), 'VALIDATION_FAILED'],
      ['a null setting (IsOptional let null through to a NOT NULL column)', () => as('patch', '/api/me/settings', { showPresence: null }), 'VALIDATION_FAILED'],
      ['a null room name', () => as('patch', `/api/rooms/${roomId()}`, { name: null }), 'VALIDATION_FAILED'],
      ['a null room setting at creation', () => as('post', '/api/rooms', { slug: 'nulls-here', name: 'Nulls', description: 'd', guidelines: 'g', visibility: 'listed', joinPolicy: 'open', premoderateFirstPosts: null }), 'VALIDATION_FAILED'],
      ['a null warning preference', () => as('put', '/api/me/warning-preferences', { suicide: null }), 'VALIDATION_FAILED'],
      ['a hexadecimal page size (Number() read "0x10" as 16)', () => as('get', '/api/admin/users?limit=0x10'), 'VALIDATION_FAILED'],
      ['a binary page size on a thread’s posts', () => as('get', `/api/threads/${world.pool.uuids[1]}/posts?limit=0b11`), 'VALIDATION_FAILED'],
    ];
    it.each(cases)('%s → 400 in the error shape, nothing written', async (_, send, code) => {
      await world.resetActors();
      cookie = (await world.cookie('admin'))!;
      const before = await world.counts.read();
      const res = await send();
      expect({ status: res.status, code: res.body.code, keys: Object.keys(res.body).filter((k) => !ALLOWED_ERROR_KEYS.has(k)) }).toEqual({ status: 400, code, keys: [] });
      expect(await world.counts.read()).toEqual(before);
    });
  });
}
