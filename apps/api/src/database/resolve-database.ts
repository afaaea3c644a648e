import { join } from 'node:path';
import type { AppConfig } from '../config/app-config.js';

export interface ResolvedDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/** DATABASE_URL when given; otherwise the embedded PostgreSQL under the data directory. */
export async function resolveDatabase(config: AppConfig): Promise<ResolvedDatabase> {
  if (config.databaseUrl) return { url: config.databaseUrl, embedded: false, stop: async () => undefined };
  const { startEmbeddedPostgres } = await import('./embedded.js');
  process.stdout.write(`No DATABASE_URL set: starting the embedded PostgreSQL (data in ${join(config.dataDir, 'postgres')})…\n`);
  const embedded = await startEmbeddedPostgres({ baseDir: config.dataDir, port: config.embeddedPgPort });
  return { url: embedded.url, embedded: true, stop: () => embedded.stop() };
}
