import 'reflect-metadata';
import { loadConfig } from '../config/app-config.js';
import { ConfigError } from '../config/config-error.js';
import { resolveDatabase } from '../database/resolve-database.js';
import { adminCreate } from './admin-create.js';
import { generateMigration } from './generate-migration.js';
import { migrate } from './migrate.js';

const commands: Record<string, (url: string, args: string[]) => Promise<void>> = {
  migrate,
  'generate-migration': generateMigration,
  'admin-create': adminCreate,
};

async function run(): Promise<void> {
  const [name, ...args] = process.argv.slice(2);
  const command = name ? commands[name] : undefined;
  if (!command) throw new ConfigError(`Unknown command "${name ?? ''}". Use one of: ${Object.keys(commands).join(', ')}.`);
  const config = loadConfig();
  const database = await resolveDatabase(config);
  try {
    await command(database.url, args);
  } finally {
    await database.stop();
  }
}

run().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${(error as Error)?.message ?? String(error)}\n`);
    process.exit(1);
  },
);
