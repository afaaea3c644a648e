import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../../apps/api/src/database/embedded.js';
import { findFreePort } from '../../support/ports.js';

export interface OwnPostgres {
  url: string;
  /** Fast shutdown (SIGINT to the postmaster): open connections are cut, new ones refused. */
  stop(): Promise<void>;
  /** Starts the same cluster again on the same port. */
  start(): Promise<void>;
  destroy(): Promise<void>;
}

/**
 * A PostgreSQL cluster of this test's own, in a temp folder, that the test may stop and
 * start at will (never the machine's shared server).
 */
export async function startOwnPostgres(): Promise<OwnPostgres> {
  const baseDir = mkdtempSync(join(tmpdir(), 'kindred-fault-pg-'));
  // As root, the server runs as the `postgres` OS user, which must be able to reach the folder.
  chmodSync(baseDir, 0o711);
  const port = await findFreePort();
  let db: EmbeddedDatabase | undefined = await startEmbeddedPostgres({ baseDir, port });
  const url = db.url;
  return {
    url,
    stop: async () => {
      await db?.stop();
      db = undefined;
    },
    start: async () => {
      db = await startEmbeddedPostgres({ baseDir, port });
    },
    destroy: async () => {
      await db?.stop().catch(() => undefined);
      db = undefined;
      rmSync(baseDir, { recursive: true, force: true });
    },
  };
}
