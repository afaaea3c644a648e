import { join } from 'node:path';
import { merge, summary } from './hist.mjs';
import { cpus } from 'node:os';
import { machineCpu, procCpuSeconds, startNode } from './proc.mjs';
import { summarizeAllocations, summarizeProfile } from './profile.mjs';
import { RESULTS_DIR } from './report.mjs';
import { cleanEnv, startKindred } from './server.mjs';

const GEN_DIR = join(import.meta.dirname, '..', 'gen');
export const now = () => performance.timeOrigin + performance.now();

/** Shared by all benchmarks of one run: options, database, seeder, helpers. */
export class BenchContext {
  constructor(options, db, seeder) {
    this.options = options;
    this.db = db;
    this.seeder = seeder;
  }

  startKindred(extra = {}) {
    return startKindred({ databaseUrl: this.db.url, pool: this.options.pool, apiDist: this.options.apiDist, serverFlags: this.options.serverFlags, ...extra });
  }

  /** `count` socket load-generator processes running gen/<script>.mjs. */
  startGenerators(script, count) {
    return Array.from({ length: count }, (_, i) =>
      startNode(join(GEN_DIR, `${script}.mjs`), [], { env: cleanEnv({ BENCH_GEN_ID: String(i) }), execArgv: ['--max-old-space-size=4096'], name: `${script}-${i}` }),
    );
  }

  startChatGenerators(count) {
    return this.startGenerators('chat-gen', count);
  }

  startHttpGenerator() {
    return startNode(join(GEN_DIR, 'http-gen.mjs'), [], { env: cleanEnv({}), name: 'http-gen' });
  }

  /** Sends the same command to every generator; fails loudly if one reports an error. */
  async all(generators, message, perGenerator = () => ({})) {
    const results = await Promise.all(generators.map((g, i) => g.call({ ...message, ...perGenerator(i) })));
    for (const [i, r] of results.entries()) if (r.error) throw new Error(`${generators[i].name}: ${r.error}`);
    return results;
  }

  async closeGenerators(generators) {
    await Promise.all(generators.map((g) => g.call({ cmd: 'close' }, 10_000).catch(() => undefined)));
    await Promise.all(generators.map((g) => g.stop('SIGTERM', 5_000)));
  }

  /** The highest generator CPU share, and whether it makes the run invalid. */
  saturation(results) {
    const shares = results.map((r) => r.cpuShare ?? 0);
    const max = Math.max(0, ...shares);
    return { generatorCpuMax: Math.round(max * 1000) / 1000, generatorSaturated: max >= this.options.saturation };
  }

  mergeSummary(results, key) {
    return summary(merge(results.map((r) => r[key])));
  }

  /**
   * Measures one phase: server CPU share, memory, event-loop delay, the machine's CPU, and
   * (with --profile) a CPU profile of the servers for just this phase.
   */
  /** PostgreSQL backends serving the bench database (pid → CPU seconds so far). */
  async pgBackends() {
    const { rows } = await this.seeder.pool.query('SELECT pid FROM pg_stat_activity WHERE datname = current_database()');
    return new Map(rows.map((r) => [r.pid, procCpuSeconds(r.pid)]));
  }

  async measure(servers, label, fn, generatorCpu = (value) => (Array.isArray(value) ? value.reduce((a, r) => a + (r.cpuShare ?? 0), 0) : 0)) {
    const list = Array.isArray(servers) ? servers : [servers];
    const before = await Promise.all(list.map((s) => s.stats(false, true)));
    const pg0 = await this.pgBackends();
    const m0 = machineCpu();
    const t0 = now();
    if (this.options.profile) {
      for (const started of await Promise.all(list.map((s) => s.profileStart()))) if (started?.error) throw new Error(`profile start: ${started.error}`);
    }
    const value = await fn();
    const profiles = [];
    if (this.options.profile) {
      for (const [i, s] of list.entries()) {
        const path = join(RESULTS_DIR, `${label}${list.length > 1 ? `-${i}` : ''}.cpuprofile`);
        const stopped = await s.profileStop(path);
        if (stopped?.error || !stopped?.path) throw new Error(`profile stop: ${stopped?.error ?? 'no profile was running'}`);
        profiles.push({ path, ...summarizeProfile(path), ...(stopped.heapPath ? { allocations: summarizeAllocations(stopped.heapPath) } : {}) });
      }
    }
    const wallMs = now() - t0;
    const m1 = machineCpu();
    const after = await Promise.all(list.map((s) => s.stats(false)));
    const servers_ = list.map((s, i) => ({
      cpuShare: Math.round(((after[i].cpu.user - before[i].cpu.user + after[i].cpu.system - before[i].cpu.system) / 1000 / wallMs) * 1000) / 1000,
      rssMb: after[i].mem.rss / 1048576,
      heapUsedMb: after[i].mem.heapUsed / 1048576,
      eventLoopP99Ms: Math.round(after[i].loopP99Ms * 100) / 100,
      eventLoopMaxMs: Math.round(after[i].loopMaxMs * 100) / 100,
    }));
    const pg1 = await this.pgBackends();
    let pgSeconds = 0;
    for (const [pid, cpu] of pg1) pgSeconds += cpu - (pg0.get(pid) ?? 0);
    const busy = 1 - (m1.idle - m0.idle) / (m1.total - m0.total);
    const cores = cpus().length;
    const pgCores = pgSeconds / (wallMs / 1000);
    const ours = servers_.reduce((a, s) => a + s.cpuShare, 0) + pgCores + generatorCpu(value);
    const r3 = (v) => Math.round(v * 1000) / 1000;
    // What else ran on the machine meanwhile (other people's work on a shared box), in cores.
    const outsideCores = Math.max(0, busy * cores - ours);
    return { value, servers: servers_, postgresCores: r3(pgCores), machineCpuBusy: r3(busy), outsideCores: r3(outsideCores), wallMs, profiles };
  }
}

/** Assigns members to rooms of `roomSize` in order: member i is in room floor(i / roomSize). */
export function roomPlan(users, rooms, roomSize) {
  return users.map((u, i) => ({ userId: u.id, token: u.token, roomId: rooms[Math.floor(i / roomSize)].id }));
}

/** Splits clients over generators by whole rooms (a room's members share one process). */
export function splitByRoom(clients, generators) {
  const parts = Array.from({ length: generators }, () => []);
  const roomIndex = new Map();
  for (const c of clients) {
    if (!roomIndex.has(c.roomId)) roomIndex.set(c.roomId, roomIndex.size);
    parts[roomIndex.get(c.roomId) % generators].push(c);
  }
  return parts;
}
