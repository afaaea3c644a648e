import { type DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../config/app-config.js';
import { AppStateRepository } from './app-state.repository.js';
import { buildDataSourceOptions } from './data-source-options.js';
import { PgPoolHandle, poolCapturingDriver, PreparedQueries } from './prepared-queries.js';

/** The connection and the database's own helpers; each feature's tables are its repositories' business. */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(config: AppConfig & { databaseUrl: string }): DynamicModule {
    const pool = new PgPoolHandle();
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRoot({
          ...buildDataSourceOptions({ url: config.databaseUrl, poolSize: config.databasePoolSize }),
          driver: poolCapturingDriver(pool),
          // Start-up must not hang retrying; the caller reports a clear error instead.
          retryAttempts: 0,
        }),
      ],
      providers: [{ provide: PgPoolHandle, useValue: pool }, PreparedQueries, AppStateRepository],
      exports: [PreparedQueries, AppStateRepository],
    };
  }
}
