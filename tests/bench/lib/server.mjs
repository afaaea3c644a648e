import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { findFreePort, startNode } from './proc.mjs';

export const REPO_ROOT = join(import.meta.dirname, '..', '..', '..');
export const API_MAIN = join(REPO_ROOT, 'apps/api/dist/main.js');
const PROBE = pathToFileURL(join(import.meta.dirname, '..', 'probe.mjs')).href;

/** The Node flags production runs the server with (npm start, the Docker image): the same here. */
export const SERVER_NODE_FLAGS = JSON.parse(readFileSync(join(REPO_ROOT, 'apps/api/package.json'), 'utf8')).kindred.nodeFlags;

/** `--server-flags`: none given means production's; 'none' means no flags at all. */
const nodeFlags = (given) => (!given ? SERVER_NODE_FLAGS : given === 'none' ? [] : given.split(/\s+/));

export const SESSION_SECRET = 'bench-secret-bench-secret-bench-secret-0123456789';

/** Environment for a child: ours minus anything that would point it elsewhere. */
export function cleanEnv(overrides = {}) {
  const env = { ...process.env, NODE_OPTIONS: '' };
  for (const key of ['DATABASE_URL', 'TEST_DATABASE_URL', 'PORT', 'REDIS_URL', 'DATA_DIR', 'NODE_ENV', 'JEST_WORKER_ID', 'WS_NO_BUFFER_UTIL']) delete env[key];
  for (const [key, value] of Object.entries(overrides)) if (value !== undefined && value !== '') env[key] = String(value);
  return env;
}

/**
 * The production build (`node apps/api/dist/main.js`) on a free port, with the probe
 * preloaded. Rate limits are raised so the benchmark measures speed, not the limiter.
 */
export async function startKindred({ databaseUrl, redisUrl, pool, apiDist, serverFlags = '', name = 'kindred', extraEnv = {} }) {
  const port = await findFreePort();
  const base = `http://127.0.0.1:${port}`;
  const env = cleanEnv({
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    PORT: port,
    HOST: '127.0.0.1',
    PUBLIC_ORIGIN: base,
    SESSION_SECRET,
    REDIS_URL: redisUrl,
    CHAT_MESSAGES_PER_SECOND: 1000,
    RATE_LIMIT_PER_MINUTE: 100_000_000,
    REGISTER_LIMIT_PER_HOUR: 1_000_000,
    LOG_LEVEL: 'warn',
    SEED_DEMO_DATA: 'false',
    DATABASE_POOL_SIZE: pool > 0 ? pool : undefined,
    WEB_DIST_DIR: join(REPO_ROOT, 'apps/web/dist'),
    ...extraEnv,
  });
  const main = apiDist ? join(resolve(REPO_ROOT, apiDist), 'main.js') : API_MAIN;
  const proc = startNode(main, [], { env, execArgv: [...nodeFlags(serverFlags), '--expose-gc', '--import', PROBE], name, cwd: REPO_ROOT });
  await proc.waitFor(/Kindred is ready/, 120_000);
  return withProbe(proc, { base, port });
}

/** Adds stats/profile calls (answered by probe.mjs inside the child). */
export function withProbe(proc, extra) {
  const probe = (cmd, more = {}) => proc.call({ probe: true, cmd, ...more }, 120_000);
  return Object.assign(proc, extra, {
    stats: (gc = false, resetLoop = false) => probe('stats', { gc, resetLoop }),
    profileStart: () => probe('profile-start'),
    profileStop: (path) => probe('profile-stop', { path }),
    heapSnapshot: (path) => probe('heap-snapshot', { path }),
  });
}

export function probeExecArgv() {
  return ['--expose-gc', '--import', PROBE];
}
