import rateLimit, { type FastifyRateLimitStore, type FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { HttpStatus } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ErrorCode } from '@kindred/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppConfig } from '../../config/app-config.js';
import { AppError } from '../errors/app-error.js';
import type { SharedLimits } from '../limits/shared-limits.js';

interface RateLimits {
  sensitivePerHour: number;
}

declare module 'fastify' {
  interface FastifyInstance {
    kindredRateLimits: RateLimits;
  }
}

const tooMany = (retryAfterMs: number) =>
  new AppError({
    status: HttpStatus.TOO_MANY_REQUESTS,
    code: ErrorCode.RateLimited,
    message: `Too many requests. Please take a breath and try again in ${Math.max(1, Math.ceil(retryAfterMs / 1000))} seconds.`,
    params: { retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) },
  });

/**
 * The plugin's store over SharedLimits: one counter for the global budget and one per route
 * with its own budget (as the plugin's own stores keep them apart), in Redis when shared.
 */
function sharedStore(limits: SharedLimits): FastifyRateLimitStoreCtor {
  return class SharedStore implements FastifyRateLimitStore {
    constructor(
      _options: unknown,
      private readonly scope = 'http',
    ) {}

    incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number): void {
      limits
        .counter(this.scope, timeWindow)
        .hit(key)
        .then(
          ({ count, msLeft }) => callback(null, { current: count, ttl: msLeft }),
          (error: Error) => callback(error),
        );
    }

    child(routeOptions: object): FastifyRateLimitStore {
      // The plugin passes its merged route parameters here (its typings say RouteOptions).
      const { routeInfo } = routeOptions as { routeInfo: { method: string; url: string } };
      return new SharedStore(routeOptions, `http:${routeInfo.method}:${routeInfo.url}`);
    }
  };
}

/**
 * Per-address request budgets, checked in onRequest before any parsing or database work.
 * With REDIS_URL, every instance counts in Redis (`shared`), so replicas do not multiply an
 * address's budget; without it, the plugin's own in-memory store counts per process.
 * (@nestjs/throttler is CommonJS requiring ESM-only Nest 12, which Jest cannot load.)
 */
export async function registerRateLimits(fastify: FastifyInstance, config: AppConfig, shared?: SharedLimits): Promise<void> {
  fastify.decorate('kindredRateLimits', { sensitivePerHour: config.registerLimitPerHour });
  await fastify.register(rateLimit, {
    global: true,
    hook: 'onRequest',
    max: config.rateLimitPerMinute,
    timeWindow: 60_000,
    ...(shared ? { store: sharedStore(shared) } : {}),
    errorResponseBuilder: (_request, context) => tooMany(context.ttl),
  });
}

/** Routes that create accounts or prove identity get a tight hourly budget per address. */
export const SensitiveRateLimit = () =>
  RouteConfig({
    rateLimit: {
      max: (request: FastifyRequest) => request.server.kindredRateLimits.sensitivePerHour,
      timeWindow: 3_600_000,
    },
  });
