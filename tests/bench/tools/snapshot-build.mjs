#!/usr/bin/env node
/**
 * Builds a private copy of the API for A/B measurements:
 *
 *   node tests/bench/tools/snapshot-build.mjs <name> [relative/path=replacement-file …]
 *   npm run bench -- --api-dist tests/bench/results/builds/<name>/dist …
 *
 * The copy is apps/api/src as it is now, with the listed files replaced (e.g. the version of
 * a file before a tuning change), compiled into tests/bench/results/builds/<name>/dist. The
 * shared checkout's apps/api/dist is rebuilt by anyone running `npm test`, so comparisons
 * made against it can silently mix versions; a snapshot cannot change under a run.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const REPO = join(import.meta.dirname, '..', '..', '..');
const [name, ...overrides] = process.argv.slice(2);
if (!name || !/^[a-z0-9-]+$/.test(name)) {
  process.stderr.write('usage: snapshot-build.mjs <name> [src/relative/path.ts=/path/to/replacement.ts …]\n');
  process.exit(2);
}
const dir = join(REPO, 'tests/bench/results/builds', name);
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
cpSync(join(REPO, 'apps/api/src'), join(dir, 'src'), { recursive: true });
for (const o of overrides) {
  const [target, source] = o.split('=');
  cpSync(source, join(dir, 'src', target));
  process.stderr.write(`replaced src/${target} with ${source}\n`);
}
// The API's own dependencies first (its lru-cache is not the one hoisted to the root), as
// apps/api/dist finds them; the root's node_modules after, by ordinary resolution upwards.
symlinkSync(join(REPO, 'apps/api/node_modules'), join(dir, 'node_modules'), 'dir');
writeFileSync(join(dir, 'package.json'), JSON.stringify({ private: true, type: 'module' }, null, 2));
writeFileSync(
  join(dir, 'tsconfig.json'),
  JSON.stringify(
    {
      extends: relative(dir, join(REPO, 'tsconfig.base.json')),
      compilerOptions: { rootDir: 'src', outDir: 'dist', experimentalDecorators: true, emitDecoratorMetadata: true, strictPropertyInitialization: false, declaration: false, sourceMap: false },
      include: ['src'],
    },
    null,
    2,
  ),
);
const result = spawnSync(process.execPath, [join(REPO, 'node_modules/typescript/bin/tsc'), '-p', join(dir, 'tsconfig.json')], { stdio: 'inherit' });
if (result.status !== 0) process.exit(result.status ?? 1);
process.stdout.write(`${relative(REPO, join(dir, 'dist'))}\n`);
