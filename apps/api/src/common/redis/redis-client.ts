import type { Logger } from '@nestjs/common';
import { createClient } from 'redis';

export type RedisClient = ReturnType<typeof newClient>;

/**
 * Retries for as long as the client is open, never more often than every 5 s once the outage
 * lasts: an outage must end by itself when Redis returns, without restarting the app (closing
 * the client is what stops the retries; node-redis checks before each attempt).
 */
const reconnectStrategy = (retries: number) => Math.min(retries * 200, 5_000);

const newClient = (url: string, options: { disableOfflineQueue?: boolean }) => createClient({ url, ...options, socket: { reconnectStrategy } });

/** Only what shutdown needs; node-redis' full generic types do not survive `duplicate()`. */
export interface Closable {
  readonly isReady: boolean;
  close(): Promise<unknown>;
  destroy(): void;
}

/** The part of a client `logOutages` listens to. */
interface Watchable {
  readonly isReady: boolean;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'ready', listener: () => void): unknown;
}

/** How long a connected client may take to hand over the replies it still waits for when closing. */
const CLOSE_GRACE_MS = 1_000;

/** How long start-up waits for Redis before saying so plainly (instead of hanging). */
export const REDIS_CONNECT_TIMEOUT_MS = 10_000;

/**
 * A node-redis client that reconnects by itself with a capped back-off. Without an error
 * listener a lost connection would crash the process, so `logOutages` always attaches one.
 *
 * `disableOfflineQueue`: while Redis is away a command fails at once instead of waiting in
 * memory, unbounded, for a reconnection that may never come (and being rejected in bulk when
 * the client is closed). Everything that needs an answer now (rate limits, announcements,
 * broadcasts) wants that; only a client that just holds subscriptions can do without.
 */
export function createRedisClient(url: string, log: Logger, options: { disableOfflineQueue?: boolean } = {}): RedisClient {
  const client = newClient(url, options);
  logOutages(client, log);
  return client;
}

/**
 * Says once that Redis is away (node-redis emits an error on every failed retry, every ≤ 5 s
 * for as long as the outage lasts) and once that it is back. An error that leaves the
 * connection up (a garbled reply) is rare and logged each time.
 */
export function logOutages(client: Watchable, log: Logger): void {
  let away = false;
  client.on('error', (error: Error) => {
    if (away) return;
    away = !client.isReady;
    log.warn(`Redis: ${error.message}${away ? ' (retrying in the background; said again only after it is back)' : ''}`);
  });
  client.on('ready', () => {
    if (!away) return;
    away = false;
    log.log('Redis: connected again.');
  });
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
 * Shutdown must never wait on Redis. A connected client gets `close()` (node-redis ≥ 5: no
 * new commands, the pending ones answered, then the socket closed) for a short grace. A
 * client that is not connected (Redis away, retrying) has nothing to drain, and `close()` or
 * the old QUIT would wait for a reconnection: it is destroyed at once, which also ends its
 * retries. So is a client whose close outlives the grace (Redis died while draining: node-redis
 * then never settles `close()`). Whatever `destroy()` rejects was sent by code that handles
 * its failures (see unawaited-commands.ts for the Socket.IO adapter's).
 */
export async function closeRedisClient(client: Closable): Promise<void> {
  if (client.isReady) {
    let timer: NodeJS.Timeout | undefined;
    const closed = client.close().then(
      () => true,
      () => false,
    );
    const grace = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), CLOSE_GRACE_MS);
    });
    const done = await Promise.race([closed, grace]);
    clearTimeout(timer);
    if (done) return;
  }
  client.destroy();
}
