import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { GOOD_PASSWORD, uniqueHandle } from '../support/accounts.js';
import { findFreePort } from '../support/ports.js';
import { API_MAIN, childEnv, requireBuild, startProcess, type RunningProcess } from '../support/server-process.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

/**
 * Issue 15: nothing of the check before sending is logged. The real server at its most talkative
 * level answers checks (accepted, refused as malformed, refused at the gate) and its output must
 * name the route but never the words.
 */
let db: TestDatabase;
let server: RunningProcess | undefined;
let base: string;

async function post(path: string, body: unknown, cookie?: string) {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json().catch(() => ({}))) as Record<string, unknown>, cookie: res.headers.get('set-cookie')?.split(';')[0] };
}

beforeAll(async () => {
  requireBuild();
  db = await createTestDatabase();
  const port = await findFreePort();
  base = `http://127.0.0.1:${port}`;
  server = startProcess(
    API_MAIN,
    [],
    childEnv({
      DATABASE_URL: db.url,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'kindred-check-log-')),
      SESSION_SECRET: 'check-log-secret-check-log-secret-012345',
      LOG_LEVEL: 'trace',
      SEED_DEMO_DATA: 'false',
    }),
  );
  await server.waitForOutput(/Kindred is ready/, 60_000);
}, 90_000);

afterAll(async () => {
  server?.child.kill('SIGTERM');
  await server?.exited;
  await db?.drop();
});

describe('the check before sending at LOG_LEVEL=trace', () => {
  it('logs the requests, never the draft', async () => {
    const registered = await post('/api/auth/register', { handle: uniqueHandle('checklog'), password: GOOD_PASSWORD });
    expect(registered.status).toBe(201);
    const cookie = registered.cookie!;
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    await client.query(`UPDATE users SET role = 'admin' WHERE id = $1`, [registered.json.id]);
    await client.end();
    const room = await post('/api/rooms', { slug: 'check-log', name: 'Check log', description: '', guidelines: '', visibility: 'listed', joinPolicy: 'open' }, cookie);
    expect(room.status).toBe(201);

    const words = 'Quillon Zebedee lives at 9 Quiet Lane, call 555-201-3344';
    const accepted = await post('/api/compose/check', { text: words, context: { kind: 'reply', roomId: room.json.id } }, cookie);
    expect(accepted.status).toBe(200);
    expect(await post('/api/compose/check', { text: words, title: words, context: { kind: 'chat', roomId: room.json.id } }, cookie)).toMatchObject({ status: 400 });
    expect(await post('/api/compose/check', { text: words, context: { kind: 'chat', roomId: 'no-such-room' } }, cookie)).toMatchObject({ status: 404 });

    const output = server!.output();
    expect(output).toMatch(/\/api\/compose\/check/);
    for (const piece of ['Quillon', 'Zebedee', 'Quiet Lane', '555-201-3344']) expect(output).not.toContain(piece);
  });
});
