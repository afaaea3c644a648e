import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONVERSATION_REQUESTS_PER_DAY_DEFAULT } from '@kindred/contracts';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ConfigError } from './config-error.js';
import { parseCrisisResources, type CrisisResourcesConfig } from './crisis-resources.schema.js';
import { EnvironmentVariables, type ApiDocsMode } from './env.schema.js';

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  /** Undefined means: start the embedded PostgreSQL. */
  databaseUrl?: string;
  databasePoolSize: number;
  redisUrl?: string;
  /** Namespace of every Redis key and channel, so deployments sharing one Redis stay apart. */
  redisKeyPrefix: string;
  sessionSecret: string;
  sessionIdleTimeoutMs: number;
  sessionAbsoluteLifetimeMs: number;
  cookieSecure: 'auto' | 'always' | 'never';
  trustProxy: boolean | number | string;
  publicOrigin: string;
  allowedOrigins: string[];
  bodyLimitBytes: number;
  /**
   * Connections the kernel holds for us while the event loop is busy. Node's default (511)
   * overflows when thousands of members reconnect at once (a restart, a network blip), and each
   * dropped connection attempt waits 1, 3, 7… seconds to try again. The kernel caps it at
   * net.core.somaxconn.
   */
  listenBacklog: number;
  rateLimitPerMinute: number;
  registerLimitPerHour: number;
  loginMaxFailures: number;
  loginLockMs: number;
  /** Chat send budget per member, counted over 5-second windows (so a burst of five times this). */
  chatMessagesPerSecond: number;
  reportLimitPerHour: number;
  /** Open conversation requests one member may send in 24 hours (consent first: no flooding). */
  conversationRequestsPerDay: number;
  /** Crisis resources per country and language (CRISIS_RESOURCES_JSON, else the defaults), validated here. */
  crisisResources: CrisisResourcesConfig;
  logLevel: string;
  /** Who may read /api/docs and /api/openapi.json. */
  apiDocs: ApiDocsMode;
  seedDemoData: boolean;
  embeddedPgPort: number;
  dataDir: string;
  webDistDir: string;
  version: string;
}

export const APP_CONFIG = Symbol('APP_CONFIG');

const here = dirname(fileURLToPath(import.meta.url));
/** apps/api/{src,dist}/config → repository root. */
export const REPO_ROOT = resolve(here, '..', '..', '..', '..');

function describeProblem(variable: string, value: unknown, constraints: Record<string, string>) {
  const first = Object.values(constraints)[0] ?? 'is invalid';
  const reason = first.startsWith(variable) ? first.slice(variable.length).trim() : first;
  const shown = typeof value === 'string' ? JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value) : String(value);
  const secret = /SECRET|URL/.test(variable);
  return `${variable} ${reason}${secret ? '' : ` (got ${shown})`}`;
}

function parseTrustProxy(raw: string | undefined): boolean | number | string {
  if (raw === undefined || raw === 'false') return false;
  if (raw === 'true') return true;
  if (/^\d+$/.test(raw)) return Number(raw);
  return raw;
}

/**
 * Development convenience only: without SESSION_SECRET we keep a random one under the data
 * directory so sessions survive restarts. Production must set it explicitly.
 */
function localSessionSecret(dataDir: string): string {
  const file = join(dataDir, 'session-secret');
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    const secret = randomBytes(48).toString('base64url');
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  }
}

function readVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

export function loadConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  const env = plainToInstance(EnvironmentVariables, { ...source }, { exposeDefaultValues: true });
  const errors = validateSync(env, { whitelist: false, skipMissingProperties: false });
  if (errors.length > 0) {
    const lines = errors.map((e) => describeProblem(e.property, e.value, e.constraints ?? {}));
    throw new ConfigError(`Invalid configuration: ${lines.join('; ')}.`);
  }

  const nodeEnv = env.NODE_ENV ?? 'development';
  const port = env.PORT ?? 3000;
  const dataDir = resolve(env.DATA_DIR ?? join(REPO_ROOT, '.data'));
  // A deployment with its own database must bring its own secret; a local embedded setup
  // may keep a generated one under the data directory.
  if (nodeEnv === 'production' && env.DATABASE_URL && !env.SESSION_SECRET) {
    throw new ConfigError('Invalid configuration: SESSION_SECRET must be set in production (at least 32 random characters).');
  }
  const sessionSecret = env.SESSION_SECRET ?? localSessionSecret(dataDir);
  const publicOrigin = (env.PUBLIC_ORIGIN ?? `http://localhost:${port}`).replace(/\/+$/, '');

  return {
    env: nodeEnv,
    port,
    host: env.HOST ?? 'localhost',
    databaseUrl: env.DATABASE_URL,
    databasePoolSize: env.DATABASE_POOL_SIZE ?? 10,
    redisUrl: env.REDIS_URL,
    redisKeyPrefix: env.REDIS_KEY_PREFIX ?? 'kindred:',
    sessionSecret,
    sessionIdleTimeoutMs: (env.SESSION_IDLE_TIMEOUT_MINUTES ?? 12 * 60) * 60_000,
    sessionAbsoluteLifetimeMs: (env.SESSION_ABSOLUTE_LIFETIME_HOURS ?? 7 * 24) * 3_600_000,
    cookieSecure: env.COOKIE_SECURE ?? 'auto',
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    publicOrigin,
    allowedOrigins: (env.ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim().replace(/\/+$/, ''))
      .filter(Boolean),
    bodyLimitBytes: env.BODY_LIMIT_BYTES ?? 512 * 1024,
    listenBacklog: env.LISTEN_BACKLOG ?? 4096,
    rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE ?? 600,
    registerLimitPerHour: env.REGISTER_LIMIT_PER_HOUR ?? 20,
    loginMaxFailures: env.LOGIN_MAX_FAILURES ?? 5,
    loginLockMs: (env.LOGIN_LOCK_MINUTES ?? 15) * 60_000,
    chatMessagesPerSecond: env.CHAT_MESSAGES_PER_SECOND ?? 2,
    reportLimitPerHour: env.REPORT_LIMIT_PER_HOUR ?? 20,
    conversationRequestsPerDay: env.CONVERSATION_REQUESTS_PER_DAY ?? CONVERSATION_REQUESTS_PER_DAY_DEFAULT,
    crisisResources: parseCrisisResources(env.CRISIS_RESOURCES_JSON),
    logLevel: env.LOG_LEVEL ?? (nodeEnv === 'test' ? 'silent' : 'info'),
    // A public map of every endpoint helps an attacker more than a member; admins still get it.
    apiDocs: env.API_DOCS ?? (nodeEnv === 'production' ? 'admins' : 'on'),
    seedDemoData: env.SEED_DEMO_DATA ?? !env.DATABASE_URL,
    embeddedPgPort: env.EMBEDDED_PG_PORT ?? 54329,
    dataDir,
    webDistDir: resolve(env.WEB_DIST_DIR ?? join(REPO_ROOT, 'apps', 'web', 'dist')),
    version: readVersion(),
  };
}
