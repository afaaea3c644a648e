import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { API_CLI, childEnv, requireBuild, startProcess } from '../support/server-process.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

let db: TestDatabase;

beforeAll(async () => {
  requireBuild();
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.drop();
});

async function adminHandles(): Promise<string[]> {
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    return (await client.query(`SELECT handle FROM users WHERE role = 'admin' ORDER BY handle`)).rows.map((r) => r.handle as string);
  } finally {
    await client.end();
  }
}

describe('npm run admin:create', () => {
  it('creates an admin with a generated password shown once', async () => {
    const run = startProcess(API_CLI, ['admin-create', '--handle', 'ops_admin', '--generate-password'], childEnv({ DATABASE_URL: db.url }));
    expect((await run.exited).code).toBe(0);
    expect(run.output()).toMatch(/Generated password .*: [A-Za-z0-9_-]{20,}/);
    expect(await adminHandles()).toContain('ops_admin');
  });

  it('reads a piped password and applies the same password policy', async () => {
    const weak = startProcess(API_CLI, ['admin-create', '--handle', 'weak_admin'], childEnv({ DATABASE_URL: db.url }), 'password123\n');
    expect((await weak.exited).code).toBe(1);
    expect(weak.output()).toMatch(/commonly used/);
    const good = startProcess(API_CLI, ['admin-create', '--handle', 'piped_admin'], childEnv({ DATABASE_URL: db.url }), 'a-long-calm-passphrase\n');
    expect((await good.exited).code).toBe(0);
    expect(await adminHandles()).toEqual(['ops_admin', 'piped_admin']);
  });

  it('refuses to run without a handle', async () => {
    const run = startProcess(API_CLI, ['admin-create'], childEnv({ DATABASE_URL: db.url }));
    expect((await run.exited).code).toBe(1);
    expect(run.output()).toMatch(/Usage: npm run admin:create -- --handle NAME/);
  });
});
