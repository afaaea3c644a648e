import { type DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../config/app-config.js';
import { buildDataSourceOptions } from './data-source-options.js';
import { SeedService } from './seeds/seed.service.js';

@Global()
@Module({})
export class DatabaseModule {
  static forRoot(config: AppConfig & { databaseUrl: string }): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRoot({
          ...buildDataSourceOptions({ url: config.databaseUrl, poolSize: config.databasePoolSize }),
          // Start-up must not hang retrying; the caller reports a clear error instead.
          retryAttempts: 0,
        }),
      ],
      providers: [SeedService],
      exports: [SeedService],
    };
  }
}
