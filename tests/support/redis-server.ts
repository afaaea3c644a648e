import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createConnection } from 'node:net';
import { findFreePort } from './ports.js';

export interface TestRedis {
  url: string;
  /** Our own process, when we started one (fault tests stop and start it). */
  child?: ChildProcess;
  port: number;
  stop(): Promise<void>;
}

const hasRedisServer = () => spawnSync('redis-server', ['--version']).status === 0;

/** Decided synchronously, when tests are declared. */
export const redisAvailable = (): boolean => !!(process.env.TEST_REDIS_URL ?? process.env.REDIS_URL) || hasRedisServer();

function waitForPort(port: number, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const socket = createConnection({ port, host: '127.0.0.1' }, () => {
        socket.end();
        resolve();
      });
      socket.on('error', () => {
        socket.destroy();
        if (Date.now() - start > timeoutMs) reject(new Error(`redis on ${port} did not start`));
        else setTimeout(attempt, 50);
      });
    };
    attempt();
  });
}

/** Starts a private, throwaway redis-server on a free port. */
export async function startOwnRedis(port?: number): Promise<TestRedis> {
  const chosen = port ?? (await findFreePort());
  const child = spawn('redis-server', ['--port', String(chosen), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  await waitForPort(chosen);
  return {
    url: `redis://127.0.0.1:${chosen}`,
    child,
    port: chosen,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * Redis for scale-out tests: TEST_REDIS_URL / REDIS_URL when set, else our own server.
 * Undefined only when neither exists (CI installs redis-server, so it never skips there).
 */
export async function testRedis(): Promise<TestRedis | undefined> {
  const url = process.env.TEST_REDIS_URL ?? process.env.REDIS_URL;
  if (url) return { url, port: Number(new URL(url).port || 6379), stop: async () => undefined };
  return hasRedisServer() ? startOwnRedis() : undefined;
}
