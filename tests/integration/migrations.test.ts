import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../../apps/api/src/database/data-source-options.js';
import { pendingSchemaChanges, runMigrations } from '../../apps/api/src/database/migrate.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

let db: TestDatabase;
let dataSource: DataSource;

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  if (dataSource?.isInitialized) await dataSource.destroy();
  await db?.drop();
});

describe('migrations', () => {
  it('apply cleanly, and concurrent runners do not race (advisory lock)', async () => {
    const [first, second] = await Promise.all([runMigrations({ url: db.url }), runMigrations({ url: db.url })]);
    expect(first.length + second.length).toBeGreaterThan(0);
    expect(first.length === 0 || second.length === 0).toBe(true);
    expect(await runMigrations({ url: db.url })).toEqual([]);
  });

  it('match the entities exactly (a generated migration would be empty)', async () => {
    dataSource = await new DataSource(buildDataSourceOptions({ url: db.url, poolSize: 1 })).initialize();
    const drift = await pendingSchemaChanges(dataSource);
    // If this fails: run `npm run db:generate -- DescribeTheChange` and commit the file.
    expect(drift.up).toEqual([]);
  });

  it('use timestamptz for every timestamp column', async () => {
    const rows: { table_name: string; column_name: string }[] = await dataSource.query(
      `SELECT table_name, column_name FROM information_schema.columns
       WHERE table_schema = 'public' AND data_type = 'timestamp without time zone'`,
    );
    expect(rows).toEqual([]);
  });

  it('can be reverted and applied again', async () => {
    const migrations = dataSource.migrations.length;
    for (let i = 0; i < migrations; i += 1) await dataSource.undoLastMigration({ transaction: 'each' });
    const tables: { n: number }[] = await dataSource.query(
      `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'typeorm_migrations'`,
    );
    expect(tables[0]!.n).toBe(0);
    await runMigrations({ url: db.url });
    expect((await pendingSchemaChanges(dataSource)).up).toEqual([]);
  });
});
