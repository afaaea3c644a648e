// Tests need a PostgreSQL server they may create databases on. TEST_DATABASE_URL (or
// DATABASE_URL) points at one; otherwise an embedded server is started for this run from
// the built API (`npm test` builds first), exactly as `npm start` would start it.
import { existsSync, chmodSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export default async function globalSetup() {
  if (process.env.TEST_DATABASE_URL) return;
  if (process.env.DATABASE_URL) {
    process.env.TEST_DATABASE_URL = process.env.DATABASE_URL;
    return;
  }
  const embeddedModule = join(root, 'apps/api/dist/database/embedded.js');
  if (!existsSync(embeddedModule)) throw new Error('Build the API first (npm run build), or set TEST_DATABASE_URL.');
  const { startEmbeddedPostgres } = await import(pathToFileURL(embeddedModule).href);
  const baseDir = mkdtempSync(join(tmpdir(), 'kindred-test-pg-'));
  chmodSync(baseDir, 0o711);
  const port = await freePort();
  globalThis.__KINDRED_TEST_PG__ = await startEmbeddedPostgres({ baseDir, port });
  process.env.TEST_DATABASE_URL = globalThis.__KINDRED_TEST_PG__.url;
  process.stdout.write(`\nUsing an embedded PostgreSQL for tests on port ${port}.\n`);
}
