import pg from 'pg';
import { QueryFailedError, type EntityManager } from 'typeorm';

/** What of pg's client the pipeline needs: its pipeline switch and its socket. */
interface PipelineClient {
  pipeline: boolean;
  connection: { stream: { cork(): void; uncork(): void } };
  query(text: string, values?: unknown[]): Promise<pg.QueryResult>;
}

/** Settled answers, in the order the statements were sent. */
export type Pipelined<T extends readonly unknown[]> = { [K in keyof T]: PromiseSettledResult<T[K]> };

/**
 * Sends the statements `send` issues through the manager it is given in one go, on the
 * transaction's own connection: pg's pipeline mode writes each without waiting for the answer
 * to the one before, and the corked socket carries them all in one write. Create-post's server
 * CPU is mostly its round trips (docs/benchmarks.md), so statements that need nothing from each
 * other's answers cost one write and one wake-up instead of one each.
 *
 * PostgreSQL still runs them one after another, in the order `send` called them; each keeps its
 * own answer or error, and once one fails the rest of the transaction fails too (the caller
 * throws, and the transaction rolls back). Only the manager's `query` is pipelined: `send` must
 * call nothing else on it, and must call `query` synchronously (repositories' async methods do,
 * up to their first await). PostgreSQL's errors are wrapped as TypeORM wraps them.
 */
export async function pipelined<T extends readonly unknown[]>(
  manager: EntityManager,
  send: (manager: EntityManager) => { [K in keyof T]: Promise<T[K]> },
): Promise<Pipelined<T>> {
  const client = (manager.queryRunner as unknown as { databaseConnection?: PipelineClient } | undefined)?.databaseConnection;
  if (!manager.queryRunner?.isTransactionActive || !client) throw new Error('pipelined() runs inside a transaction');
  const direct = Object.create(manager, { query: { value: (text: string, values: unknown[]) => answer(client, text, values) } }) as EntityManager;
  client.pipeline = true;
  client.connection.stream.cork();
  let sent: { [K in keyof T]: Promise<T[K]> };
  try {
    sent = send(direct);
  } finally {
    client.connection.stream.uncork();
  }
  try {
    return (await Promise.allSettled(sent)) as Pipelined<T>;
  } finally {
    // Every statement has its answer: the connection is idle, and goes back to one at a time.
    client.pipeline = false;
  }
}

/** The value a settled statement answered, or its error thrown. */
export function answered<V>(result: PromiseSettledResult<V>): V {
  if (result.status === 'rejected') throw result.reason;
  return result.value;
}

/** As TypeORM's `manager.query` answers: rows, or `[rows, affected]` for UPDATE and DELETE. */
async function answer(client: PipelineClient, text: string, values: unknown[]): Promise<unknown> {
  try {
    const result = await client.query(text, values);
    return result.command === 'UPDATE' || result.command === 'DELETE' ? [result.rows, result.rowCount] : result.rows;
  } catch (error) {
    throw error instanceof pg.DatabaseError ? new QueryFailedError(text, values, error) : error;
  }
}
