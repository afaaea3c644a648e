/**
 * Command-line options for `npm run bench -- …`. Defaults are sized to finish all six
 * benchmarks in under 10 minutes on a 2-core machine; the issue's full sizes are one flag
 * away (see docs/benchmarks.md, "Full-size runs").
 */
export const BENCHMARKS = ['chat-latency', 'fanout-ratio', 'http', 'connections', 'scale-out', 'web'];
/** Run only when named (`npm run soak` is `--only soak`): too long for the default set. */
const ON_REQUEST = ['soak'];

export const DEFAULTS = {
  only: BENCHMARKS.join(','),
  // chat-latency (and scale-out's workload)
  clients: 1000,
  roomSize: 20,
  interval: 10, // seconds between one client's messages
  duration: 60, // seconds of measured chat traffic
  warmup: 5, // seconds of traffic before measuring
  privateShare: 0.2, // chat-latency: share of senders writing in 1:1 private conversations instead of their room
  // fanout-ratio
  fanoutMembers: 50,
  fanoutSenders: 10,
  fanoutStart: 50, // messages/s at the first step
  fanoutFactor: 1.6, // each step multiplies the rate by this
  fanoutStep: 4, // seconds per step
  fanoutMaxSteps: 14,
  fanoutRefine: 2, // steps between the last passing rate and the first failing one, each halving the gap
  fanoutGenerators: 2,
  fanoutTargets: 'kindred,bare', // drop one to iterate on the other (the ratio needs both)
  // http
  connections: 50,
  httpDuration: 20,
  httpWarmup: 3,
  httpSkip: '', // phases to leave out, comma-separated: filters, directory (A/B runs against builds older than them)
  httpUnloaded: 5, // seconds of 1-connection runs (service time without queueing); 0 skips them
  threads: 2000,
  postsPerThread: 50,
  // connections
  sockets: 5000,
  connectConcurrency: 50,
  stormWriters: 50,
  stormRate: 25, // messages/s from the writers while the storm runs
  // scale-out
  scaleDuration: 25,
  // web
  webRuns: 8,
  // soak (`npm run soak`)
  soakClients: 500,
  soakWarmup: 60, // seconds of load before the baseline reading
  soakDuration: 600, // seconds of measured load after the warm-up
  soakWindow: 30, // seconds per sample (latency, memory after GC, CPU, errors)
  soakChatInterval: 10, // seconds between one member's chat messages (500 members: 50 msg/s)
  soakHttpInterval: 10, // mean seconds between one member's HTTP requests (500 members: ~50 req/s)
  soakChurn: 0.05, // share of members that drop their socket and rejoin with replay, per minute
  soakModerators: 2, // staff polling the queue and the log
  soakModeratorInterval: 5, // seconds between one moderator's requests
  soakThreads: 300,
  soakPostsPerThread: 30,
  // general
  generators: 2, // load-generator processes for the big socket benchmarks
  pool: 0, // DATABASE_POOL_SIZE for the API (0 = the app's default)
  quietWait: 15, // seconds to wait for other work on the machine to calm down before each benchmark
  quietThreshold: 0.4, // …until fewer than this many cores are busy
  saturation: 0.9, // a generator using this share of one core makes a run invalid
  profile: false, // write server CPU profiles (.cpuprofile) for each measured phase
  heapSnapshot: false, // connections: heap snapshots of the server idle and with every socket joined (tools/heap-summary.mjs compares them)
  keepDb: false,
  build: false, // force `npm run build` first (otherwise only when dist is missing)
  redisUrl: '', // default: a private redis-server on a free port
  apiDist: '', // default apps/api/dist; a snapshot from tools/snapshot-build.mjs for A/B runs
  serverFlags: '', // Kindred's Node flags instead of apps/api/package.json's (A/B: an old build with the flags it shipped with; 'none' for none)
  // TEST_DATABASE_URL / DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test if it answers,
  // else an embedded PostgreSQL started for the run (as `npm test` does).
  databaseUrl: process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? '',
};

const camel = (s) => s.replace(/-([a-z])/g, (_, c) => c.toUpperCase());

export function parseArgs(argv) {
  const options = { ...DEFAULTS };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      options.help = true;
      continue;
    }
    if (!arg.startsWith('--')) throw new Error(`Unexpected argument ${arg}`);
    let [key, value] = arg.slice(2).split(/=(.*)/s, 2);
    key = camel(key);
    if (key.startsWith('no') && key.length > 2 && typeof DEFAULTS[key[2].toLowerCase() + key.slice(3)] === 'boolean') {
      options[key[2].toLowerCase() + key.slice(3)] = false;
      continue;
    }
    if (!(key in DEFAULTS)) throw new Error(`Unknown option --${arg.slice(2)} (see --help)`);
    if (typeof DEFAULTS[key] === 'boolean') {
      options[key] = value === undefined ? true : value !== 'false';
      continue;
    }
    if (value === undefined) {
      value = argv[i + 1];
      i += 1;
      if (value === undefined) throw new Error(`--${key} needs a value`);
    }
    if (typeof DEFAULTS[key] === 'number') {
      const n = Number(value);
      if (!Number.isFinite(n)) throw new Error(`--${key} must be a number`);
      options[key] = n;
    } else {
      options[key] = value;
    }
  }
  options.selected = options.only.split(',').map((s) => s.trim()).filter(Boolean);
  for (const name of options.selected) if (![...BENCHMARKS, ...ON_REQUEST].includes(name)) throw new Error(`Unknown benchmark ${name}; choose from ${[...BENCHMARKS, ...ON_REQUEST].join(', ')}`);
  return options;
}

export function usage() {
  const lines = Object.entries(DEFAULTS).map(([k, v]) => `  --${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} ${typeof v === 'boolean' ? '' : `(default ${v})`}`);
  return `npm run bench -- [options]\n\nBenchmarks: ${BENCHMARKS.join(', ')} (default), ${ON_REQUEST.join(', ')} (only with --only; npm run soak)\n\n${lines.join('\n')}\n`;
}
