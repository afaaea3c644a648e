import { spawn, spawnSync } from 'node:child_process';
import { createConnection } from 'node:net';
import { findFreePort, sleep, track } from '../lib/proc.mjs';
import { fmt, row } from '../lib/report.mjs';
import { steadyChat } from './chat-latency.mjs';

function waitForPort(port, timeoutMs = 10_000) {
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

/** A private redis-server (so other work on the shared Redis cannot cross-talk), or --redis-url. */
async function redis(url) {
  if (url) return { url, stop: async () => undefined };
  if (spawnSync('redis-server', ['--version']).status !== 0) throw new Error('redis-server not found; pass --redis-url redis://127.0.0.1:6379');
  const port = await findFreePort();
  const child = track(spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' }));
  await waitForPort(port);
  return {
    url: `redis://127.0.0.1:${port}`,
    pid: child.pid,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * The chat-latency workload twice in one run: on one instance, then with each room's members
 * alternating between two instances joined by the Redis adapter (so every message crosses).
 */
export async function run(ctx) {
  const o = ctx.options;
  const single = await ctx.startKindred({ name: 'kindred-single' });
  ctx.seeder.setBase(single.base);
  let one;
  try {
    one = await steadyChat(ctx, { bases: [single.base], servers: [single], label: 'scale-out-one', duration: o.scaleDuration });
  } finally {
    await single.stop();
  }
  await sleep(1000);
  const r = await redis(o.redisUrl);
  const a = await ctx.startKindred({ name: 'kindred-a', redisUrl: r.url });
  let two;
  try {
    const b = await ctx.startKindred({ name: 'kindred-b', redisUrl: r.url });
    try {
      ctx.seeder.setBase(a.base);
      two = await steadyChat(ctx, { bases: [a.base, b.base], servers: [a, b], label: 'scale-out-two', duration: o.scaleDuration });
    } finally {
      await b.stop();
    }
  } finally {
    await a.stop();
    await r.stop();
  }
  const added = two.deliver.p99 - one.deliver.p99;
  const cross = two.crossExpected ? two.crossReceived / two.crossExpected : null;
  const valid = !one.generatorSaturated && !two.generatorSaturated;
  const rows = [
    row(`one instance: deliver p50 / p99 (${one.clients} clients, ${fmt.n(one.messagesPerSecond)} msg/s)`, `${fmt.ms(one.deliver.p50)} / ${fmt.ms(one.deliver.p99)}`),
    row('two instances + Redis adapter: deliver p50 / p99', `${fmt.ms(two.deliver.p50)} / ${fmt.ms(two.deliver.p99)}`),
    row('added p99 (two − one)', fmt.ms(added), '≤ 10 ms', added <= 10),
    row('cross-instance delivery', `${cross === null ? 'n/a' : fmt.pct(cross)} (${fmt.n(two.crossReceived)} of ${fmt.n(two.crossExpected)})`, '100%', cross === 1),
    row('lost / duplicated (one, two)', `${one.lost}/${one.duplicated}, ${two.lost}/${two.duplicated}`, '0', one.lost + one.duplicated + two.lost + two.duplicated === 0),
    row('server CPU one / two (each)', `${fmt.pct(one.server[0].cpuShare)} / ${two.server.map((s) => fmt.pct(s.cpuShare)).join(' + ')}`),
    row('other work on the box (one / two)', `${fmt.pct(one.outsideCores)} / ${fmt.pct(two.outsideCores)} of a core`),
    row('load generator CPU (max)', fmt.pct(Math.max(one.generatorCpuMax, two.generatorCpuMax)), `< ${fmt.pct(o.saturation)}`, valid),
  ];
  return { rows, valid, noise: Math.max(one.outsideCores, two.outsideCores), details: { one, two, addedP99Ms: added, crossInstanceDelivery: cross } };
}
