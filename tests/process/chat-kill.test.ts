import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ChatClientToServerEvents, ChatMessageView, ChatServerToClientEvents } from '@kindred/contracts';
import pg from 'pg';
import { io, type Socket } from 'socket.io-client';
import { GOOD_PASSWORD, uniqueHandle } from '../support/accounts.js';
import { findFreePort } from '../support/ports.js';
import { API_MAIN, childEnv, requireBuild, startProcess, type RunningProcess } from '../support/server-process.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

type Client = Socket<ChatServerToClientEvents, ChatClientToServerEvents>;

const TOTAL = 1_000;
const KILL_AFTER = 300;

let db: TestDatabase;
let server: RunningProcess | undefined;
let env: NodeJS.ProcessEnv;
let base: string;

async function startServer(): Promise<RunningProcess> {
  const child = startProcess(API_MAIN, [], env);
  await child.waitForOutput(/Kindred is ready/, 60_000);
  return child;
}

async function http(path: string, body: unknown, cookie?: string): Promise<{ status: number; json: Record<string, unknown>; cookie?: string }> {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
  const setCookie = res.headers.get('set-cookie')?.split(';')[0];
  return { status: res.status, json: (await res.json().catch(() => ({}))) as Record<string, unknown>, cookie: setCookie };
}

async function member(): Promise<{ cookie: string; id: string }> {
  const res = await http('/api/auth/register', { handle: uniqueHandle('kill'), password: GOOD_PASSWORD });
  expect(res.status).toBe(201);
  return { cookie: res.cookie!, id: res.json.id as string };
}

function client(cookie: string): Client {
  return io(`${base}/chat`, { transports: ['websocket'], extraHeaders: { cookie }, reconnectionDelay: 50, reconnectionDelayMax: 200 });
}

function ack<T>(socket: Client, event: string, payload: unknown, timeoutMs = 2_000): Promise<T | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), timeoutMs);
    (socket.emit as (e: string, ...a: unknown[]) => void)(event, payload, (answer: T) => {
      clearTimeout(timer);
      resolve(answer);
    });
  });
}

beforeAll(async () => {
  requireBuild();
  db = await createTestDatabase();
  const port = await findFreePort();
  base = `http://127.0.0.1:${port}`;
  env = childEnv({
    DATABASE_URL: db.url,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'kindred-kill-')),
    SESSION_SECRET: 'kill-test-secret-kill-test-secret-0123456',
    CHAT_MESSAGES_PER_SECOND: '5000',
    RATE_LIMIT_PER_MINUTE: '100000',
    REGISTER_LIMIT_PER_HOUR: '1000',
  });
  server = await startServer();
}, 90_000);

afterAll(async () => {
  server?.child.kill('SIGKILL');
  await server?.exited;
  await db?.drop();
});

describe('SIGKILL mid-stream', () => {
  it('loses no acknowledged message and duplicates none; the other member receives or replays all, in order', async () => {
    const admin = await member();
    const client1 = new pg.Client({ connectionString: db.url });
    await client1.connect();
    await client1.query(`UPDATE users SET role = 'admin' WHERE id = $1`, [admin.id]);
    const room = await http('/api/rooms', { slug: `kill-room`, name: 'Kill room', description: '', guidelines: '', visibility: 'listed', joinPolicy: 'open' }, admin.cookie);
    const roomId = room.json.id as string;
    const sender = await member();
    const receiver = await member();
    for (const m of [sender, receiver]) expect((await http(`/api/rooms/${roomId}/join`, { acceptGuidelines: true }, m.cookie)).status).toBe(200);

    // The receiver behaves like the web app: it keeps messages in `seq` order, ignores
    // ones it already has, and on every (re)connect asks for everything after its last.
    const seen: ChatMessageView[] = [];
    const ids = new Set<string>();
    const keep = (m: ChatMessageView) => {
      if (ids.has(m.id)) return;
      ids.add(m.id);
      const at = seen.findLastIndex((s) => s.seq < m.seq);
      seen.splice(at + 1, 0, m);
    };
    const rx = client(receiver.cookie);
    rx.on('message:new', keep);
    rx.on('connect', () => {
      void ack<{ ok: boolean; messages: ChatMessageView[] }>(rx, 'chat:join', { roomId, lastMessageId: seen.at(-1)?.id }).then((r) => r?.messages?.forEach(keep));
    });

    const tx = client(sender.cookie);
    const joinRoom = async () => {
      for (;;) {
        if (tx.connected && (await ack<{ ok: boolean }>(tx, 'chat:join', { roomId }))?.ok) return;
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    tx.on('connect', () => void joinRoom());
    await new Promise<void>((resolve) => tx.once('connect', () => resolve()));
    await joinRoom();

    let acked = 0;
    let restarted = false;
    for (let i = 0; i < TOTAL; i += 1) {
      const payload = { roomId, clientId: `kill-message-${String(i).padStart(4, '0')}`, body: `message ${i}` };
      // Retry with the same client id until the server acknowledges: no loss, no duplicates.
      for (;;) {
        const answer = tx.connected ? await ack<{ ok: boolean }>(tx, 'message:send', payload) : undefined;
        if (answer?.ok) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      acked += 1;
      if (acked === KILL_AFTER && !restarted) {
        restarted = true;
        server!.child.kill('SIGKILL');
        await server!.exited;
        server = await startServer();
      }
    }

    const rows = await client1.query<{ n: number; distinct_clients: number }>(
      'SELECT count(*)::int AS n, count(DISTINCT client_id)::int AS distinct_clients FROM chat_messages WHERE room_id = $1',
      [roomId],
    );
    expect(rows.rows[0]).toEqual({ n: TOTAL, distinct_clients: TOTAL });
    // The receiver catches up through live delivery plus replay after its reconnect.
    const deadline = Date.now() + 20_000;
    while (seen.length < TOTAL && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const ordered = (await client1.query<{ id: string }>('SELECT id FROM chat_messages WHERE room_id = $1 ORDER BY seq', [roomId])).rows.map((r) => r.id);
    expect(seen.map((m) => m.id)).toEqual(ordered);
    expect(seen.map((m) => m.seq)).toEqual(Array.from({ length: TOTAL }, (_, i) => i + 1));
    expect(seen.map((m) => m.body)).toEqual(Array.from({ length: TOTAL }, (_, i) => `message ${i}`));
    tx.disconnect();
    rx.disconnect();
    await client1.end();
  }, 120_000);
});
