import 'reflect-metadata';
import { existsSync } from 'node:fs';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { AppModule } from './app.module.js';
import { toApiError } from './common/errors/to-api-error.js';
import { registerBodyGuard } from './common/http/body-guard.js';
import { registerOriginCheck } from './common/http/origin-check.js';
import { registerRateLimits } from './common/http/rate-limit.js';
import { SharedLimits } from './common/limits/shared-limits.js';
import { registerSecurityHeaders } from './common/http/security-headers.js';
import { configureSpaFallback } from './common/http/spa-fallback.js';
import type { AppConfig } from './config/app-config.js';
import { setUpApiDocs } from './docs/api-docs.js';
import { createRootLogger, NestPinoLogger } from './logging/logger.js';
import { KindredIoAdapter } from './realtime/kindred-io.adapter.js';

export type ReadyConfig = AppConfig & { databaseUrl: string };

/**
 * Builds the whole application (API, docs, web app) without listening, so `main.ts` and
 * the tests run exactly the same wiring.
 */
export async function createApp(config: ReadyConfig): Promise<NestFastifyApplication> {
  const logger = createRootLogger(config.logLevel);
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy as boolean | string,
    return503OnClosing: true,
    routerOptions: { maxParamLength: 200 },
    // Fastify answers some malformed requests itself (e.g. /api/rooms/%ff → FST_ERR_BAD_URL),
    // before Nest's filter runs; without this they left in Fastify's own shape, with an
    // extra `error` key and a code outside ErrorCode (found by tests/security/support/fuzz-rest-suite.ts).
    frameworkErrors: (error: FastifyError, _request: unknown, reply: FastifyReply) => {
      const { body } = toApiError(error);
      void reply.status(body.statusCode).type('application/json; charset=utf-8').send(body);
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    logger: new NestPinoLogger(logger.child({ component: 'nest' })),
    abortOnError: false,
  });
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;

  await fastify.register(fastifyCookie as never);
  registerSecurityHeaders(fastify, config.publicOrigin.startsWith('https:'));
  registerOriginCheck(fastify, config.publicOrigin, config.allowedOrigins);
  registerBodyGuard(fastify);
  await registerRateLimits(fastify, config, config.redisUrl ? app.get(SharedLimits) : undefined);

  const io = new KindredIoAdapter(app);
  if (config.redisUrl) await io.connectToRedis(config.redisUrl, config.redisKeyPrefix);
  app.useWebSocketAdapter(io);

  app.setGlobalPrefix('api');
  setUpApiDocs(app, fastify, config);
  await serveWebApp(fastify, config.webDistDir);
  app.enableShutdownHooks([]);
  return app;
}

async function serveWebApp(fastify: FastifyInstance, webDistDir: string): Promise<void> {
  if (!existsSync(webDistDir)) {
    configureSpaFallback(undefined);
    return;
  }
  await fastify.register(fastifyStatic as never, {
    root: webDistDir,
    prefix: '/',
    wildcard: false,
    index: ['index.html'],
    setHeaders: (reply: { header(name: string, value: string): unknown }, path: string) => {
      // Vite fingerprints asset names, so they can be cached for good; the shell cannot.
      reply.header('Cache-Control', /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  configureSpaFallback(webDistDir);
}
