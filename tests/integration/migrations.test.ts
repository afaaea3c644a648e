import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../../apps/api/src/database/data-source-options.js';
import { pendingSchemaChanges, runMigrations } from '../../apps/api/src/database/migrate.js';
import { SanctionsOnlyAppealable1795320000000 } from '../../apps/api/src/database/migrations/1795320000000-sanctions-only-appealable.js';
import { NoticeCodesAndCountry1796400500000 } from '../../apps/api/src/database/migrations/1796400500000-notice-codes-and-country.js';
import { MIGRATIONS } from '../../apps/api/src/database/migrations/index.js';
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

  it('turn stored notices about restores and lifts into non-appealable updates, leaving sanctions appealable', async () => {
    // Back to just before that migration, however many came after it.
    const later = MIGRATIONS.length - MIGRATIONS.findIndex((m) => m.name === SanctionsOnlyAppealable1795320000000.name);
    for (let i = 0; i < later; i += 1) await dataSource.undoLastMigration({ transaction: 'each' });
    const notice = async (action: string) => {
      const [entry] = (await dataSource.query(
        `INSERT INTO moderation_log (actor_id, action, target_type, target_id, subject_user_id, reason)
         VALUES (gen_random_uuid(), $1, 'post', gen_random_uuid(), gen_random_uuid(), 'r') RETURNING id`,
        [action],
      )) as { id: string }[];
      const [row] = (await dataSource.query(
        `INSERT INTO notifications (user_id, kind, title, body, log_entry_id) VALUES (gen_random_uuid(), 'moderation-action', 't', 'b', $1) RETURNING id`,
        [entry!.id],
      )) as { id: string }[];
      return row!.id;
    };
    const restore = await notice('post.restore');
    const lift = await notice('member.lift');
    const hide = await notice('post.hide');
    await runMigrations({ url: db.url });
    const kinds = (await dataSource.query('SELECT id, kind FROM notifications')) as { id: string; kind: string }[];
    expect(Object.fromEntries(kinds.map((k) => [k.id, k.kind]))).toEqual({ [restore]: 'moderation-update', [lift]: 'moderation-update', [hide]: 'moderation-action' });
  });

  it('keep the English words of notices written before codes, as the legacy code the app can still show', async () => {
    const later = MIGRATIONS.length - MIGRATIONS.findIndex((m) => m.name === NoticeCodesAndCountry1796400500000.name);
    for (let i = 0; i < later; i += 1) await dataSource.undoLastMigration({ transaction: 'each' });
    const [row] = (await dataSource.query(
      `INSERT INTO notifications (user_id, kind, title, body) VALUES (gen_random_uuid(), 'report-outcome', 'About your report', 'We removed the post.') RETURNING id`,
    )) as { id: string }[];
    await runMigrations({ url: db.url });
    expect(await dataSource.query('SELECT code, params FROM notifications WHERE id = $1', [row!.id])).toEqual([
      { code: 'legacy', params: { title: 'About your report', body: 'We removed the post.' } },
    ]);
    expect((await pendingSchemaChanges(dataSource)).up).toEqual([]);
  });
});
