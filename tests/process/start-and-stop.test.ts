import { chmodSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { GOOD_PASSWORD } from '../support/accounts.js';
import { findFreePort } from '../support/ports.js';
import { API_MAIN, childEnv, requireBuild, startProcess } from '../support/server-process.js';

beforeAll(() => requireBuild());

describe('start-up configuration errors', () => {
  it('stop start-up with one clear line naming the variable, not a stack trace', async () => {
    const server = startProcess(API_MAIN, [], childEnv({ PORT: 'abc' }));
    const { code } = await server.exited;
    expect(code).toBe(1);
    const lines = server.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/PORT/);
    expect(server.output()).not.toMatch(/\n\s+at /);
  });
});

describe('npm start with the embedded PostgreSQL', () => {
  it('serves health and the web app, seeds demo rooms once, keeps accounts across a restart, and stops cleanly', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kindred-start-'));
    // Running as root, PostgreSQL runs as the postgres user, which must reach the folder.
    chmodSync(dataDir, 0o711);
    const [port, pgPort] = [await findFreePort(), await findFreePort()];
    const env = childEnv({ PORT: String(port), EMBEDDED_PG_PORT: String(pgPort), DATA_DIR: dataDir, HOST: '127.0.0.1' });
    const base = `http://127.0.0.1:${port}`;

    const first = startProcess(API_MAIN, [], env);
    await first.waitForOutput(/Kindred is ready/, 90_000);
    expect(first.output()).toMatch(/\/setup#token=[A-Za-z0-9_-]{20,}/);

    const health = await fetch(`${base}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', db: 'up' });
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<div id="root">/);
    const rooms = (await (await fetch(`${base}/api/rooms`)).json()) as { slug: string }[];
    expect(rooms.map((r) => r.slug).sort()).toEqual(
      ['attachment-injuries', 'grounding-and-self-care', 'parenting-after-trauma', 'trauma-bonds-and-leaving'],
    );
    const registered = await fetch(`${base}/api/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ handle: 'restart_survivor', password: GOOD_PASSWORD }),
    });
    expect(registered.status).toBe(201);

    first.child.kill('SIGTERM');
    expect(await first.exited).toEqual({ code: 0, signal: null });
    expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);

    const second = startProcess(API_MAIN, [], env);
    await second.waitForOutput(/Kindred is ready/, 90_000);
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ handle: 'restart_survivor', password: GOOD_PASSWORD }),
    });
    expect(login.status).toBe(200);
    const roomsAgain = (await (await fetch(`${base}/api/rooms`)).json()) as unknown[];
    expect(roomsAgain).toHaveLength(4);

    second.child.kill('SIGINT');
    expect(await second.exited).toEqual({ code: 0, signal: null });
    expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
  }, 180_000);
});
