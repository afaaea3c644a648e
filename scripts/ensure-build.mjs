// Builds the API (and optionally the web app) when the output is missing or older than the
// sources, so `npm start` works on a fresh clone and after a `git pull`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

function stale(output, sources) {
  if (!existsSync(output)) return true;
  const built = statSync(output).mtimeMs;
  return sources.some((s) => newestMtime(join(root, s)) > built);
}

function run(args) {
  const result = spawnSync('npm', args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

export function ensureBuild({ web }) {
  if (stale(join(root, 'apps/api/dist/main.js'), ['apps/api/src', 'libs/contracts/src', 'apps/api/tsconfig.json'])) {
    console.log('Building the API…');
    run(['exec', '--', 'tsc', '-b', 'libs/contracts', 'apps/api']);
  }
  if (web && stale(join(root, 'apps/web/dist/index.html'), ['apps/web/src', 'apps/web/index.html', 'apps/web/vite.config.ts', 'libs/contracts/src'])) {
    console.log('Building the web app…');
    run(['run', 'build', '-w', '@kindred/web']);
  }
}
