// `npm run dev`: API rebuilt and restarted on change, web app from Vite's dev server with
// hot reload (it proxies /api and /socket.io to the API). Open http://localhost:5173.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ensureBuild, root } from './ensure-build.mjs';

ensureBuild({ web: false });
const children = [
  spawn('npx', ['tsc', '-b', '-w', '--preserveWatchOutput', 'libs/contracts', 'apps/api'], { cwd: root, stdio: 'inherit' }),
  spawn(process.execPath, ['--watch', join(root, 'apps/api/dist/main.js')], { cwd: root, stdio: 'inherit' }),
  spawn('npm', ['run', 'dev', '-w', '@kindred/web'], { cwd: root, stdio: 'inherit' }),
];

const stop = (signal) => {
  for (const child of children) child.kill(signal);
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
for (const child of children) child.on('exit', (code) => code && code !== 0 && stop('SIGTERM'));
