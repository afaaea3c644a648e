import type { DataSourceOptions } from 'typeorm';
import { AfterCommitSubscriber } from './after-commit.js';
import { ENTITIES } from './entities.js';
import { MIGRATIONS } from './migrations/index.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

export interface DatabaseSettings {
  url: string;
  poolSize?: number;
  applicationName?: string;
}

export function buildDataSourceOptions(settings: DatabaseSettings): DataSourceOptions {
  return {
    type: 'postgres',
    url: settings.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    // Work that must wait for a transaction's commit (live pushes about what it wrote).
    subscribers: [AfterCommitSubscriber],
    migrationsTableName: 'typeorm_migrations',
    // Schema changes happen only through reviewed migrations.
    synchronize: false,
    migrationsRun: false,
    uuidExtension: 'pgcrypto',
    namingStrategy: new SnakeNamingStrategy(),
    // TypeORM's logger prints failed queries with their parameters (password hashes,
    // members' words); errors reach our own logger through the exception filter instead.
    logging: false,
    extra: {
      max: settings.poolSize ?? 10,
      application_name: settings.applicationName ?? 'kindred-api',
      // Fail fast instead of queueing forever when the database is away.
      connectionTimeoutMillis: 5_000,
      statement_timeout: 15_000,
      idleTimeoutMillis: 30_000,
    },
  };
}
