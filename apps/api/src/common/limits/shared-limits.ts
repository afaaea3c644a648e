import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import rateLimiterFlexible from 'rate-limiter-flexible';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { closeRedisClient, connectWithin, createRedisClient, type RedisClient } from '../redis/redis-client.js';

const { RateLimiterMemory, RateLimiterRedis, RLWrapperTimeouts } = rateLimiterFlexible;

/** A Redis answer slower than this counts as an outage for that one hit (limits fail open, never hang). */
const REDIS_ANSWER_TIMEOUT_MS = 500;

/** Counters here only count; callers compare with their own budget, which may vary per route. */
const UNBOUNDED = Number.MAX_SAFE_INTEGER;

export interface WindowHit {
  /** Hits on this key in the current window, this one included. */
  count: number;
  /** Until the window ends. */
  msLeft: number;
}

export interface WindowCounter {
  hit(key: string): Promise<WindowHit>;
}

type Limiter = { consume(key: string, points?: number): Promise<{ consumedPoints: number; msBeforeNext: number }> };

/**
 * Fixed-window counters for every budget kept outside PostgreSQL (HTTP per address, chat
 * sends per member). With REDIS_URL they live in Redis, so several instances share one
 * budget; without it, in this process. When Redis is away or slow, each hit falls back to
 * an in-memory counter of this instance: limits fail open to the local budget, they never
 * answer 500 and never wait on Redis.
 */
@Injectable()
export class SharedLimits implements OnModuleInit, OnApplicationShutdown {
  private readonly log = new Logger('SharedLimits');
  private readonly client?: RedisClient;
  private readonly counters = new Map<string, WindowCounter>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    // Created now, connected in onModuleInit: Fastify routes (and their counters) are set up
    // before that, and until Redis answers the local fallback counts.
    if (config.redisUrl) this.client = createRedisClient(config.redisUrl, this.log, { disableOfflineQueue: true });
  }

  async onModuleInit(): Promise<void> {
    if (!this.client) return;
    try {
      await connectWithin([this.client]);
    } catch (error) {
      // The client keeps trying in the background; meanwhile each instance counts alone.
      this.log.warn(`${(error as Error).message} Rate limits count per instance until it answers.`);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.client) await closeRedisClient(this.client);
  }

  /** One counter per name and window; `name` must differ between unrelated budgets. */
  counter(name: string, windowMs: number): WindowCounter {
    const id = `${name}:${windowMs}`;
    let counter = this.counters.get(id);
    if (!counter) {
      const limiter = this.limiter(id, Math.max(1, Math.round(windowMs / 1000)));
      counter = {
        hit: async (key) => {
          const res = await limiter.consume(key);
          return { count: res.consumedPoints, msLeft: res.msBeforeNext };
        },
      };
      this.counters.set(id, counter);
    }
    return counter;
  }

  private limiter(id: string, durationSeconds: number): Limiter {
    const local = new RateLimiterMemory({ points: UNBOUNDED, duration: durationSeconds });
    if (!this.client) return local;
    const shared = new RateLimiterRedis({
      storeClient: this.client,
      useRedisPackage: true,
      rejectIfRedisNotReady: true,
      keyPrefix: `${this.config.redisKeyPrefix}limit:${id}`,
      points: UNBOUNDED,
      duration: durationSeconds,
    });
    return new RLWrapperTimeouts({ limiter: shared, timeoutMs: REDIS_ANSWER_TIMEOUT_MS, insuranceLimiter: local });
  }
}
