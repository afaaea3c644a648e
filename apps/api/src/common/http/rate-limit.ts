import rateLimit from '@fastify/rate-limit';
import { HttpStatus } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ErrorCode } from '@kindred/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppConfig } from '../../config/app-config.js';
import { AppError } from '../errors/app-error.js';

interface RateLimits {
  sensitivePerHour: number;
}

declare module 'fastify' {
  interface FastifyInstance {
    kindredRateLimits: RateLimits;
  }
}

const tooMany = (retryAfterMs: number) =>
  new AppError(
    HttpStatus.TOO_MANY_REQUESTS,
    ErrorCode.RateLimited,
    `Too many requests. Please take a breath and try again in ${Math.max(1, Math.ceil(retryAfterMs / 1000))} seconds.`,
  );

/**
 * Per-address request budgets, checked in onRequest before any parsing or database work.
 * (@nestjs/throttler is CommonJS requiring ESM-only Nest 12, which Jest cannot load.)
 */
export async function registerRateLimits(fastify: FastifyInstance, config: AppConfig): Promise<void> {
  fastify.decorate('kindredRateLimits', { sensitivePerHour: config.registerLimitPerHour });
  await fastify.register(rateLimit, {
    global: true,
    hook: 'onRequest',
    max: config.rateLimitPerMinute,
    timeWindow: 60_000,
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
