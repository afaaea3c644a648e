import type { Logger } from '@nestjs/common';
import { createClient } from 'redis';

export type RedisClient = ReturnType<typeof newClient>;

const newClient = (url: string, options: { disableOfflineQueue?: boolean }) =>
  createClient({ url, ...options, socket: { reconnectStrategy: (retries) => Math.min(retries * 200, 5_000) } });

/** Only what shutdown needs; node-redis' full generic types do not survive `duplicate()`. */
export interface Closable {
  quit(): Promise<unknown>;
  destroy(): void;
}

const QUIT_GRACE_MS = 1_000;

/** How long start-up waits for Redis before saying so plainly (instead of hanging). */
export const REDIS_CONNECT_TIMEOUT_MS = 10_000;

/**
 * A node-redis client that reconnects by itself with a capped back-off. Without an error
 * listener a lost connection would crash the process, so one that logs is always attached.
 */
export function createRedisClient(url: string, log: Logger, options: { disableOfflineQueue?: boolean } = {}): RedisClient {
  const client = newClient(url, options);
  client.on('error', (error: Error) => log.warn(`Redis: ${error.message}`));
  return client;
}

/** Resolves when every client is connected, or rejects after `timeoutMs` with a plain message. */
export async function connectWithin(clients: { connect(): Promise<unknown> }[], timeoutMs = REDIS_CONNECT_TIMEOUT_MS): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Cannot reach Redis at REDIS_URL within ${timeoutMs / 1000} s.`)), timeoutMs);
  });
  const connected = Promise.all(clients.map((c) => c.connect()));
  // After a timeout the attempt may still fail (e.g. when the caller destroys the clients);
  // that must not surface as an unhandled rejection.
  connected.catch(() => undefined);
  try {
    await Promise.race([connected, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * quit() waits for Redis to answer; when Redis is away that is forever, so after a short
 * grace (or when quit fails, e.g. still connecting) the connection is simply dropped:
 * shutdown must never hang on Redis.
 */
export async function closeRedisClient(client: Closable): Promise<void> {
  const quit = client.quit().then(
    () => true,
    () => false,
  );
  const done = await Promise.race([quit, new Promise<boolean>((resolve) => setTimeout(() => resolve(false), QUIT_GRACE_MS).unref())]);
  if (done) return;
  try {
    client.destroy();
  } catch {
    // Already closed.
  }
}
