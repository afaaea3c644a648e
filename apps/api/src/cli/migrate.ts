import { runMigrations } from '../database/migrate.js';

export async function migrate(url: string): Promise<void> {
  const applied = await runMigrations({ url });
  process.stdout.write(applied.length > 0 ? `Applied: ${applied.join(', ')}\n` : 'The database is up to date.\n');
}
