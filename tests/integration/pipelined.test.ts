/**
 * `pipelined`: statements sent together on a transaction's connection (create-post's hot path).
 * Against the real database with a pool of one, so every transaction below reuses the same
 * connection and would inherit anything the pipeline left switched on.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource, QueryFailedError } from 'typeorm';
import { answered, pipelined } from '../../apps/api/src/database/pipelined.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let db: DataSource;

beforeAll(async () => {
  t = await startTestApp({ DATABASE_POOL_SIZE: '1' });
  db = t.get(DataSource);
  await db.query('DROP TABLE IF EXISTS pipeline_probe_rows');
  await db.query('CREATE TABLE pipeline_probe_rows (n int PRIMARY KEY)');
});
afterAll(async () => {
  await db?.query('DROP TABLE IF EXISTS pipeline_probe_rows');
  await t?.close();
});

const pipelineSwitch = (manager: { queryRunner?: unknown }) => (manager.queryRunner as { databaseConnection: { pipeline: boolean } }).databaseConnection.pipeline;

describe('pipelined statements', () => {
  it('run in the order sent, each with its own answer shaped as manager.query shapes it', async () => {
    const answers = await db.transaction(async (manager) => {
      const [inserted, updated, read] = await pipelined<[{ n: number }[], [unknown[], number], { n: number; seen: number }[]]>(manager, (m) => [
        m.query('INSERT INTO pipeline_probe_rows (n) VALUES (1), (2) RETURNING n', []),
        m.query('UPDATE pipeline_probe_rows SET n = n + 10', []),
        // Sees the two statements before it: PostgreSQL ran them first.
        m.query('SELECT max(n) AS n, count(*)::int AS seen FROM pipeline_probe_rows', []),
      ]);
      expect(pipelineSwitch(manager)).toBe(false);
      return [answered(inserted), answered(updated), answered(read)];
    });
    expect(answers).toEqual([[{ n: 1 }, { n: 2 }], [[], 2], [{ n: 12, seen: 2 }]]);
    expect(await db.query('SELECT n FROM pipeline_probe_rows ORDER BY n')).toEqual([{ n: 11 }, { n: 12 }]);
  });

  it('after a failed statement the rest of the transaction fails, the transaction rolls back, and the connection goes back to one statement at a time', async () => {
    const failure = await db
      .transaction(async (manager) => {
        const [first, second, third] = await pipelined<[unknown, unknown, unknown]>(manager, (m) => [
          m.query('INSERT INTO pipeline_probe_rows (n) VALUES (100)', []),
          m.query('INSERT INTO pipeline_probe_rows (n) VALUES (11)', []), // taken
          m.query('INSERT INTO pipeline_probe_rows (n) VALUES (101)', []),
        ]);
        expect(first.status).toBe('fulfilled');
        expect(third).toMatchObject({ status: 'rejected', reason: { driverError: { code: '25P02' } } }); // transaction aborted
        expect(pipelineSwitch(manager)).toBe(false);
        return answered(second);
      })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(QueryFailedError);
    expect(failure).toMatchObject({ driverError: { code: '23505' } });
    expect(await db.query('SELECT n FROM pipeline_probe_rows ORDER BY n')).toEqual([{ n: 11 }, { n: 12 }]);
    // The one pooled connection, used as usual again.
    await db.transaction(async (manager) => {
      expect(pipelineSwitch(manager)).toBe(false);
      await manager.query('INSERT INTO pipeline_probe_rows (n) VALUES (13)');
      expect(await manager.query('SELECT count(*)::int AS n FROM pipeline_probe_rows')).toEqual([{ n: 3 }]);
    });
  });

  it('refuses to run outside a transaction, where statements would each commit on their own', async () => {
    await expect(pipelined(db.manager, (m) => [m.query('SELECT 1', [])])).rejects.toThrow('inside a transaction');
  });
});
