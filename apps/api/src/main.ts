import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from './app.factory.js';
import { loadConfig } from './config/app-config.js';
import { ConfigError } from './config/config-error.js';
import { runMigrations } from './database/migrate.js';
import { resolveDatabase } from './database/resolve-database.js';

const SHUTDOWN_GRACE_MS = 15_000;

async function main(): Promise<void> {
  const config = loadConfig();
  const database = await resolveDatabase(config);
  let app: NestFastifyApplication | undefined;
  let stopping = false;

  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\nKindred is stopping (${signal})…\n`);
    const force = setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS);
    force.unref();
    try {
      // Finish in-flight requests before the database goes away.
      await app?.close();
    } finally {
      await database.stop();
      clearTimeout(force);
      process.exit(0);
    }
  };
  // Connections torn down on purpose while stopping (e.g. Redis, when it is away) reject their
  // pending commands; that is expected then and must not turn a clean stop into exit code 1.
  process.on('unhandledRejection', (reason) => {
    if (stopping) return;
    process.stderr.write(`Unhandled rejection: ${(reason as Error)?.stack ?? String(reason)}\n`);
    process.exitCode = 1;
  });
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    const applied = await runMigrations({ url: database.url });
    if (applied.length > 0) process.stdout.write(`Applied migrations: ${applied.join(', ')}\n`);
    app = await createApp({ ...config, databaseUrl: database.url });
    await app.listen({ port: config.port, host: config.host, backlog: config.listenBacklog });
    process.stdout.write(`Kindred is ready on ${config.publicOrigin} (API docs: ${config.publicOrigin}/api/docs)\n`);
  } catch (error) {
    await app?.close().catch(() => undefined);
    await database.stop();
    throw error;
  }
}

function explain(error: unknown): string {
  if (error instanceof ConfigError) return error.message;
  const e = error as { code?: string; message?: string };
  if (e?.code === 'EADDRINUSE') return `Port already in use: ${e.message}. Set PORT to a free port.`;
  if (e?.code === 'ECONNREFUSED') return `Cannot reach PostgreSQL (${e.message}). Check DATABASE_URL and that the server is running.`;
  if (e?.code === '28P01' || e?.code === '3D000') return `PostgreSQL refused the connection: ${e.message}. Check DATABASE_URL.`;
  return `Kindred could not start: ${e?.message ?? String(error)}`;
}

main().catch((error: unknown) => {
  // One clear line for the operator; the stack only when asked for.
  process.stderr.write(`${explain(error)}\n`);
  if (process.env.DEBUG_STARTUP) process.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
  process.exit(1);
});

