#!/usr/bin/env node
/**
 * `node tests/bench/tools/crisis-speed.mjs`: how long the crisis detector takes per message,
 * against the build (run `npm run build` first). It runs on every post and chat message, so
 * its cost is a benchmark figure, not a unit test (timings fail tests on a busy machine).
 * Target: < 100 µs for a 2,000-character message.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from '../lib/server.mjs';

const { detectCrisis } = await import(pathToFileURL(join(REPO_ROOT, 'apps/api/dist/moderation/crisis/crisis-detector.js')).href);
const filler = 'all good here, just venting about work. '.repeat(2600);

for (const [label, length] of [['200-character', 200], ['2,000-character', 2_000], ['100 KB', 100_000]]) {
  const message = `${filler.slice(0, length - 14)} i want to die`;
  const runs = Math.max(20, Math.round(4_000_000 / length));
  for (let i = 0; i < runs / 10; i += 1) detectCrisis(message);
  const started = process.hrtime.bigint();
  for (let i = 0; i < runs; i += 1) detectCrisis(message);
  const micros = Number(process.hrtime.bigint() - started) / runs / 1_000;
  process.stdout.write(`crisis detector, ${label} message: ${micros.toFixed(1)} µs (${runs} runs)${length === 2_000 ? `, target < 100 µs: ${micros < 100 ? 'met' : 'MISSED'}` : ''}\n`);
}
