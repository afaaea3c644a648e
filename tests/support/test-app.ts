import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import supertest from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../apps/api/src/app.factory.js';
import { loadConfig, type AppConfig } from '../../apps/api/src/config/app-config.js';
import { runMigrations } from '../../apps/api/src/database/migrate.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig & { databaseUrl: string };
  db: TestDatabase;
  /** A supertest client without cookies; use `agent()` for a browser-like session. */
  http: ReturnType<typeof supertest>;
  agent(): ReturnType<typeof supertest.agent>;
  get<T>(token: abstract new (...args: never[]) => T): T;
  /** Direct SQL against the app's database, for assertions about what was stored. */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/**
 * One Redis namespace per test file (each file has its own module registry): instances a file
 * starts share budgets and channels with each other, never with a file running alongside.
 */
const REDIS_KEY_PREFIX = `test-${randomUUID().slice(0, 8)}:`;

/**
 * The real application (same factory as `npm start`) on its own fresh database, with
 * rate limits raised so tests exercise them only where they mean to.
 */
export async function startTestApp(env: Record<string, string> = {}, sharedDatabaseUrl?: string): Promise<TestApp> {
  // A second instance on the same database (scale-out tests) must not drop it when closing.
  const db = sharedDatabaseUrl ? { url: sharedDatabaseUrl, name: '', drop: async () => undefined } : await createTestDatabase();
  const config = {
    ...loadConfig({
      NODE_ENV: 'test',
      SESSION_SECRET: 'test-secret-test-secret-test-secret-0123',
      RATE_LIMIT_PER_MINUTE: '100000',
      REGISTER_LIMIT_PER_HOUR: '100000',
      SEED_DEMO_DATA: 'false',
      LOG_LEVEL: 'silent',
      REDIS_KEY_PREFIX,
      ...env,
    }),
    databaseUrl: db.url,
  };
  await runMigrations({ url: db.url });
  const app = await createApp(config);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const server = app.getHttpServer();
  return {
    app,
    config,
    db,
    http: supertest(server),
    agent: () => supertest.agent(server),
    get: (token) => app.get(token as never),
    query: (sql, params) => app.get(DataSource).query(sql, params),
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}
