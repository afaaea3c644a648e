/**
 * Property-based fuzzing of every socket event in ChatClientEvent (REST: fuzz-rest-N.test.ts).
 * Seeded and bounded: FUZZ_RUNS / 2 random cases per run (3,500 by default); replay with the
 * printed seed: FUZZ_SEED=<seed> FUZZ_RUNS=<n> npm run fuzz.
 *
 * The promise checked for every case: always an ack, never INTERNAL, nothing written when
 * refused (row counts of every table), and a refusal whenever the payload certainly breaks
 * the contract. A deterministic sweep breaks every documented constraint of every payload
 * one at a time, and the bugs the fuzzer found are pinned as regressions.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ChatClientEvent, ConversationClientEvent, SessionClientEvent } from '@kindred/contracts';
import fc from 'fast-check';
import { connectChat, connected, request, type ChatClient } from '../support/realtime.js';
import { constraintViolations, DeepJson, malformedBody, toValue } from './support/fuzz-inputs.js';
import { SOCKET_SCHEMAS } from './support/fuzz-socket-cases.js';
import { FUZZ_RUNS, FUZZ_SEED, FuzzWorld, PROPERTY_TIMEOUT_MS, Tally, type Member } from './support/fuzz-world.js';

const SOCKET_RUNS = Math.ceil(FUZZ_RUNS / 2);
/** Cases sent at once, each on its own socket. */
const SOCKET_BATCH = 8;

let world: FuzzWorld;
const tally = new Tally();

beforeAll(async () => {
  world = await FuzzWorld.start();
}, 60_000);

afterAll(async () => {
  process.stdout.write(tally.line('socket', `${Object.keys(SOCKET_SCHEMAS).length} events`, `; row counts read ${world?.counts.reads} times`));
  await world?.t.close();
});

describe('fuzzing every socket event in ChatClientEvent and ConversationClientEvent', () => {
  /** Each actor's sockets, one per lane: a batch's cases run at once, one per socket. */
  const sockets: Record<Member, ChatClient[]> = { admin: [], member: [] };
  let roomId: string;

  async function socketFor(actor: Member, lane = 0): Promise<ChatClient> {
    const existing = sockets[actor][lane];
    if (existing?.connected) return existing;
    existing?.disconnect();
    const socket = connectChat(world.t.baseUrl, await world.fx.session(world.actors[actor].id));
    await connected(socket);
    await request(socket, ChatClientEvent.Join, { roomId });
    sockets[actor][lane] = socket;
    return socket;
  }

  /** A socket of this actor that is in the room's chat now (the fuzz may have made it leave). */
  async function joinedSocket(actor: Member): Promise<ChatClient> {
    await world.resetActors();
    const socket = await socketFor(actor);
    expect(await request(socket, ChatClientEvent.Join, { roomId })).toMatchObject({ ok: true });
    return socket;
  }

  beforeAll(async () => {
    roomId = world.roomId;
  });
  afterAll(() => {
    for (const s of [...sockets.admin, ...sockets.member]) s?.disconnect();
  });

  it('covers every client event', () => {
    expect(Object.keys(SOCKET_SCHEMAS).sort()).toEqual(([...Object.values(ChatClientEvent), ...Object.values(ConversationClientEvent), ...Object.values(SessionClientEvent)] as string[]).sort());
  });

  it(`${SOCKET_RUNS} malformed event payloads: always an ack, never INTERNAL, nothing written when refused`, async () => {
    // One arbitrary per event, built once (as for REST operations).
    const forEvent = (event: string) =>
      fc.record({
        event: fc.constant(event),
        actor: fc.constantFrom<'admin' | 'member'>('admin', 'member'),
        // Bounded: frames over 64 KB close the socket (tested below; 2,001 NULs are 12 KB of JSON);
        // very deep payloads and prototype-named keys have their own tests below.
        payload: fc.oneof(
          { weight: 6, arbitrary: malformedBody(SOCKET_SCHEMAS[event]!, {}, { uuids: [roomId, ...world.pool.uuids], slugs: [] }, { maxDepth: 30, maxString: 2_001 }) },
          fc.constantFrom(null, 'text', 42, true, [], [roomId]).map((value) => ({ value, mutations: ['not-an-object'], invalid: true })),
        ),
      });
    const built = new Map(Object.keys(SOCKET_SCHEMAS).map((event) => [event, forEvent(event)]));
    const socketCase = fc.constantFrom(...built.keys()).chain((event) => built.get(event)!);
    type SocketCase = typeof socketCase extends fc.Arbitrary<infer C> ? C : never;
    type Ack = { ok?: unknown; code?: unknown; message?: unknown };
    const where = ({ event, actor, payload }: SocketCase) => `${event} as ${actor} [${payload.mutations.join(',')}] ${JSON.stringify(toValue(payload.value))?.slice(0, 200)}`;
    /** Every ack is {ok, code, message}, never INTERNAL, and never ok for a payload that breaks the contract. */
    const checkAck = (c: SocketCase, ack: Ack) => {
      if (ack.ok === true) {
        if (c.payload.invalid) throw new Error(`ok for a certainly-invalid payload: ${where(c)}`);
        return;
      }
      if (ack.ok !== false || typeof ack.code !== 'string' || typeof ack.message !== 'string') throw new Error(`not an ack {ok, code, message}: ${JSON.stringify(ack)} for ${where(c)}`);
      if (ack.code === 'INTERNAL' || ack.code === 'SERVICE_UNAVAILABLE') throw new Error(`${ack.code} for ${where(c)}: ${ack.message}`);
    };
    const emit = (c: SocketCase, socket: ChatClient) => request<Ack>(socket, c.event, toValue(c.payload.value), 5_000);
    /** One case alone, with its own row counts: where a batch cannot tell who wrote. */
    const alone = async (c: SocketCase) => {
      const socket = await socketFor(c.actor);
      const before = await world.counts.current();
      const ack = await emit(c, socket);
      checkAck(c, ack);
      if (ack.ok === true) return world.afterAccepted();
      const changed = await world.counts.changedSince(before);
      if (changed.length > 0) throw new Error(`refused with ${String(ack.code)} but wrote to ${changed.join(', ')} for ${where(c)}`);
    };

    // A batch of cases runs at once over several sockets and shares one row count before and
    // after. Almost every case is refused; when one in a batch is accepted (it may write), the
    // others are checked again one at a time.
    await fc.assert(
      fc.asyncProperty(fc.array(socketCase, { minLength: SOCKET_BATCH, maxLength: SOCKET_BATCH }), async (batch) => {
        // (Sockets first: a new one means a new session row, which makes the counts stale.)
        const lanes = await Promise.all(batch.map((c, lane) => socketFor(c.actor, lane)));
        const before = await world.counts.current();
        const acks = await Promise.all(batch.map((c, lane) => emit(c, lanes[lane]!)));
        batch.forEach((c, i) => {
          checkAck(c, acks[i]!);
          tally.add(acks[i]!.ok === true ? 'ok' : String(acks[i]!.code));
          if (acks[i]!.ok !== true && c.payload.invalid) tally.refusedInvalid += 1;
        });
        const refused = batch.filter((_, i) => acks[i]!.ok !== true);
        if (refused.length < batch.length) {
          await world.afterAccepted();
          for (const c of refused) await alone(c);
        } else if ((await world.counts.changedSince(before)).length > 0) {
          // Someone in the batch wrote although all were refused: find who.
          for (const c of batch) await alone(c);
          throw new Error(`a batch of refused cases wrote something; alone, none did: ${batch.map(where).join(' | ')}`);
        }
      }),
      { numRuns: Math.ceil(SOCKET_RUNS / SOCKET_BATCH), seed: FUZZ_SEED, verbose: 1 },
    );
    await world.t.http.get('/api/health').expect(200);
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
    tally.swept += cases;
    expect(wrong).toEqual([]);
  });

  it('the row-count check sees chat writes (sent as prepared statements straight on the pool)', async () => {
    const socket = await joinedSocket('member');
    const before = await world.counts.current();
    expect(await request(socket, ChatClientEvent.Send, { roomId, clientId: randomUUID(), body: 'seen' })).toMatchObject({ ok: true });
    expect(await world.counts.changedSince(before)).toContain('chat_messages');
  });

  it('regression: NUL in a chat message is a VALIDATION_FAILED ack (was INTERNAL), nothing written', async () => {
    const socket = await joinedSocket('member');
    const before = await world.counts.read();
    const ack = await request(socket, ChatClientEvent.Send, { roomId, clientId: randomUUID(), body: 'a\u0000b' });
    expect(ack).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    expect(await world.counts.read()).toEqual(before);
  });

  it('a frame over the 64 KB limit closes only that socket; the server and other sockets carry on', async () => {
    const member = await socketFor('member');
    const admin = await socketFor('admin');
    const closed = new Promise<void>((resolve) => member.once('disconnect', () => resolve()));
    (member.emit as (e: string, ...a: unknown[]) => void)(ChatClientEvent.Send, { roomId, clientId: randomUUID(), body: 'x'.repeat(70 * 1024) });
    await closed;
    expect(await request(admin, ChatClientEvent.History, { roomId })).toMatchObject({ ok: true });
    await world.t.http.get('/api/health').expect(200);
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
