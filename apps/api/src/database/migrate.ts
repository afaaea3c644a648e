import { DataSource } from 'typeorm';
import { buildDataSourceOptions, type DatabaseSettings } from './data-source-options.js';

/** Any constant works; it only has to be the same for every Kindred instance. */
const MIGRATION_LOCK_KEY = 4_242_001;

/**
 * Applies pending migrations. Two instances starting together must not race, so the work
 * runs under a PostgreSQL advisory lock held on its own connection.
 */
export async function runMigrations(settings: DatabaseSettings): Promise<string[]> {
  const dataSource = new DataSource({ ...buildDataSourceOptions({ ...settings, poolSize: 2 }), applicationName: 'kindred-migrate' } as never);
  await dataSource.initialize();
  const lock = dataSource.createQueryRunner();
  try {
    await lock.connect();
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lock.release();
    await dataSource.destroy();
  }
}

/** SQL that would bring the schema in line with the entities; empty when nothing drifted. */
export async function pendingSchemaChanges(dataSource: DataSource): Promise<{ up: string[]; down: string[] }> {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  return {
    up: sql.upQueries.map((q) => q.query),
    down: sql.downQueries.map((q) => q.query).reverse(),
  };
}
