import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import pg from 'pg';
import { QueryFailedError, type EntityManager } from 'typeorm';

/**
 * Holds the pg pool TypeORM opens for the application's data source. TypeORM builds its pool
 * from the `driver` option (its public way to supply the pg module); `poolCapturingDriver`
 * hands it a pg module whose Pool records itself here, so prepared statements share TypeORM's
 * connections instead of opening a second pool.
 */
export class PgPoolHandle {
  pool?: pg.Pool;
}

export function poolCapturingDriver(handle: PgPoolHandle): typeof pg {
  class CapturedPool extends pg.Pool {
    constructor(config?: pg.PoolConfig) {
      super(config);
      handle.pool = this;
    }
  }
  return Object.create(pg, { Pool: { value: CapturedPool } }) as typeof pg;
}

const statementNames = new Map<string, string>();

/** A stable name per SQL text (pg prepares each name once per connection). */
function statementName(text: string): string {
  let name = statementNames.get(text);
  if (!name) {
    name = `q_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    statementNames.set(text, name);
  }
  return name;
}

/**
 * Named prepared statements for the measured hot paths (chat send, replay, history): parsed
 * and planned once per connection instead of on every message. Repositories use it for
 * those statements only; everything else goes through TypeORM as usual.
 */
@Injectable()
export class PreparedQueries {
  constructor(private readonly handle: PgPoolHandle) {}

  /**
   * Runs `text` as a named prepared statement on the pool, or through `manager` when the
   * caller is inside a transaction. PostgreSQL errors are wrapped exactly as TypeORM wraps
   * them, so callers and the error mapping see no difference.
   */
  async query<T>(text: string, values: unknown[], manager?: EntityManager): Promise<T[]> {
    if (manager) return (await manager.query(text, values)) as T[];
    const pool = this.handle.pool;
    if (!pool) throw new Error('PreparedQueries used before the database connected');
    try {
      return (await pool.query({ name: statementName(text), text, values })).rows as T[];
    } catch (error) {
      throw error instanceof pg.DatabaseError ? new QueryFailedError(text, values, error) : error;
    }
  }
}
