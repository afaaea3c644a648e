#!/usr/bin/env node
/**
 * `npm run bench -- [options]`: runs the benchmarks against the production build on a fresh
 * PostgreSQL database (and a private Redis for scale-out), prints one table and writes
 * tests/bench/results/<name>.json. Never part of `npm test`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BenchContext } from './lib/context.mjs';
import { createBenchDatabase, imitateAutovacuumAnalyze, Seeder } from './lib/db.mjs';
import { parseArgs, usage } from './lib/args.mjs';
import { killAllChildren, machineCpu, sleep } from './lib/proc.mjs';
import { machine, NOISE_CORES, printTable, writeResult } from './lib/report.mjs';
import { API_MAIN, REPO_ROOT } from './lib/server.mjs';

const options = parseArgs(process.argv.slice(2));
if (options.help) {
  process.stdout.write(usage());
  process.exit(0);
}

const log = (line) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);

function ensureBuild() {
  const webIndex = join(REPO_ROOT, 'apps/web/dist/index.html');
  if (!options.build && existsSync(API_MAIN) && existsSync(webIndex) && existsSync(join(REPO_ROOT, 'libs/contracts/dist/index.js'))) return;
  log('building (npm run build)…');
  const result = spawnSync('npm', ['run', 'build'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('npm run build failed');
}

const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';
let db;
let seeder;
let embedded;
const cleanup = async () => {
  killAllChildren();
  await seeder?.close().catch(() => undefined);
  if (db && !options.keepDb) await db.drop().catch(() => undefined);
  await embedded?.stop().catch(() => undefined);
};

/** The PostgreSQL server to create the run's database on. */
async function resolveServerUrl() {
  if (options.databaseUrl) return options.databaseUrl;
  const { default: pg } = await import('pg');
  const probe = new pg.Client({ connectionString: DEFAULT_DATABASE_URL, connectionTimeoutMillis: 2000 });
  try {
    await probe.connect();
    await probe.end();
    return DEFAULT_DATABASE_URL;
  } catch {
    await probe.end().catch(() => undefined);
  }
  const { mkdtempSync, chmodSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { pathToFileURL } = await import('node:url');
  const { findFreePort } = await import('./lib/proc.mjs');
  const { startEmbeddedPostgres } = await import(pathToFileURL(join(REPO_ROOT, 'apps/api/dist/database/embedded.js')).href);
  const baseDir = mkdtempSync(join(tmpdir(), 'kindred-bench-pg-'));
  chmodSync(baseDir, 0o711);
  log('no PostgreSQL at TEST_DATABASE_URL/DATABASE_URL or 127.0.0.1:5432: starting an embedded one for this run');
  embedded = await startEmbeddedPostgres({ baseDir, port: await findFreePort() });
  return embedded.url;
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    log(`${signal}: stopping`);
    void cleanup().finally(() => process.exit(130));
  });
}

/**
 * On a shared machine other work skews latency. Before each benchmark, wait (up to
 * --quiet-wait s) for the box to be nearly idle, and record how busy it was.
 */
async function waitForQuiet() {
  const cores = (await import('node:os')).cpus().length;
  const deadline = Date.now() + options.quietWait * 1000;
  let busy;
  do {
    const a = machineCpu();
    await sleep(1000);
    const b = machineCpu();
    busy = (1 - (b.idle - a.idle) / (b.total - a.total)) * cores;
  } while (busy > options.quietThreshold && Date.now() < deadline);
  return Math.round(busy * 100) / 100;
}

async function main() {
  ensureBuild();
  db = await createBenchDatabase(await resolveServerUrl());
  log(`database ${db.name}`);
  seeder = new Seeder(db);
  const analyzer = await imitateAutovacuumAnalyze(seeder.pool, { log });
  const ctx = new BenchContext(options, db, seeder);
  const env = { ...machine(db.server), autovacuum: analyzer.active ? `off (the harness analyzed changed tables every ${analyzer.everyMs / 1000} s)` : 'on' };
  const startedAt = new Date();
  const results = [];
  for (const name of options.selected) {
    const t0 = performance.now();
    const busyBefore = await waitForQuiet();
    log(`${name}: running… (machine busy before: ${busyBefore} cores)`);
    const module = await import(`./benchmarks/${name}.mjs`);
    let result;
    try {
      result = { name, ...(await module.run(ctx)) };
    } catch (error) {
      log(`${name}: FAILED ${error?.stack ?? error}`);
      result = { name, rows: [], valid: false, error: String(error?.message ?? error) };
    }
    result.seconds = Math.round((performance.now() - t0) / 100) / 10;
    result.machineBusyBeforeCores = busyBefore;
    const path = writeResult(name, { benchmark: name, date: new Date().toISOString(), machine: env, options, ...result });
    log(`${name}: done in ${result.seconds} s → ${path}`);
    results.push(result);
  }
  analyzer.stop();
  const totalSeconds = Math.round((Date.now() - startedAt.getTime()) / 1000);
  writeResult('summary', { date: startedAt.toISOString(), machine: env, options, totalSeconds, results: results.map(({ name, rows, valid, noise, error, seconds, machineBusyBeforeCores }) => ({ name, rows, valid, noise, error, seconds, machineBusyBeforeCores })) });
  process.stdout.write(`\nKindred benchmarks — ${startedAt.toISOString()} — ${env.cores} cores (${env.cpu}), ${env.memoryGb} GB, Node ${env.node}, ${env.postgres}\n\n`);
  process.stdout.write(`${printTable(results)}\n\n`);
  const invalid = results.filter((r) => r.valid === false && !r.error).map((r) => r.name);
  if (invalid.length) process.stdout.write(`INVALID runs (a load generator saturated a core): ${invalid.join(', ')}\n`);
  const noisy = results.filter((r) => r.noise > NOISE_CORES).map((r) => `${r.name} (${r.noise.toFixed(2)} cores)`);
  if (noisy.length) process.stdout.write(`Noisy runs (other work on the machine during measurement; latencies are pessimistic): ${noisy.join(', ')}\n`);
  process.stdout.write(`Total ${totalSeconds} s. JSON in tests/bench/results/.\n`);
  return results.some((r) => r.error) ? 1 : 0;
}

main()
  .then(async (code) => {
    await cleanup();
    process.exit(code);
  })
  .catch(async (error) => {
    log(error?.stack ?? String(error));
    await cleanup();
    process.exit(1);
  });
