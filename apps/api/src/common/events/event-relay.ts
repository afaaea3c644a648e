import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { DecisionCaches } from '../cache/decision-caches.js';
import { closeRedisClient, connectWithin, createRedisClient, type RedisClient } from '../redis/redis-client.js';
import { CARRIED_EVENTS, DomainEvents, type CarriedEvent, type DomainEventMap } from './domain-events.js';

/** How long an announcement waits for Redis before it is kept to be sent again later. */
const PUBLISH_TIMEOUT_MS = 500;
/** Announcements kept while Redis is away; beyond this the oldest go (peers' caches are off then anyway, or age out). */
const MAX_UNSENT = 10_000;

interface Envelope {
  origin: string;
  name: CarriedEvent;
  payload: DomainEventMap[CarriedEvent];
}

const carried: ReadonlySet<string> = new Set(CARRIED_EVENTS);

/**
 * Carries the events cached decisions depend on to every instance over Redis pub/sub (with
 * REDIS_URL; without it there is one instance and DomainEvents alone suffices).
 *
 * A cache may only answer while this instance is certain to hear every invalidation: the
 * caches are off until the subscription is in place, switch off the moment the subscriber
 * loses Redis, and start again empty once it is back (node-redis subscribes again before it
 * reports ready). Announcements Redis did not take are sent again when it returns.
 */
@Injectable()
export class EventRelay implements OnModuleInit, OnApplicationShutdown {
  private readonly log = new Logger('EventRelay');
  private readonly origin = randomUUID();
  private readonly channel: string;
  private readonly publisher?: RedisClient;
  private readonly subscriber?: RedisClient;
  private unsent: Envelope[] = [];
  private subscribed = false;
  private resending = false;
  private closing = false;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly events: DomainEvents,
    private readonly caches: DecisionCaches,
  ) {
    this.channel = `${config.redisKeyPrefix}domain-events`;
    if (!config.redisUrl) return;
    this.publisher = createRedisClient(config.redisUrl, this.log, { disableOfflineQueue: true });
    this.subscriber = createRedisClient(config.redisUrl, this.log);
    this.caches.suspendAll();
    this.subscriber.on('error', () => {
      this.linkLost();
      // An error that did not cost the connection (a garbled reply) ends no 'ready' later.
      setImmediate(() => {
        if (this.subscribed && this.subscriber?.isReady) this.caches.resumeAll();
      });
    });
    this.subscriber.on('end', () => this.linkLost());
    this.subscriber.on('ready', () => {
      if (this.subscribed) this.caches.resumeAll();
    });
    this.publisher.on('ready', () => void this.sendUnsent());
    this.events.carryWith((name, payload) => this.publish({ origin: this.origin, name, payload }));
  }

  /** True when invalidations from every instance reach this one (always, for a single instance). */
  get linked(): boolean {
    return this.caches.active;
  }

  /** True when every announcement made here has been handed to Redis. */
  get allSent(): boolean {
    return this.unsent.length === 0 && !this.resending;
  }

  async onModuleInit(): Promise<void> {
    if (!this.publisher || !this.subscriber) return;
    try {
      await connectWithin([this.publisher, this.subscriber]);
      await this.subscriber.subscribe(this.channel, (message) => this.received(message));
      this.subscribed = true;
      this.caches.resumeAll();
    } catch (error) {
      // Caches stay off (every decision is read from PostgreSQL) until Redis answers.
      this.log.warn(`${(error as Error).message} Access decisions are not cached until it answers.`);
      this.subscribeLater();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.closing = true;
    await Promise.all([this.publisher, this.subscriber].filter((c) => !!c).map((c) => closeRedisClient(c!)));
  }

  private linkLost(): void {
    if (this.caches.active) this.log.warn('Lost the event link to other instances; access decisions are read afresh until it is back.');
    this.caches.suspendAll();
  }

  private subscribeLater(): void {
    const subscriber = this.subscriber!;
    subscriber.once('ready', () => {
      if (this.closing || this.subscribed) return;
      subscriber
        .subscribe(this.channel, (message) => this.received(message))
        .then(() => {
          this.subscribed = true;
          this.caches.resumeAll();
        })
        .catch(() => this.subscribeLater());
    });
  }

  private received(message: string): void {
    let envelope: Envelope;
    try {
      envelope = JSON.parse(message) as Envelope;
    } catch {
      return;
    }
    if (envelope.origin === this.origin || !carried.has(envelope.name)) return;
    this.events.deliverFromPeer(envelope.name, envelope.payload);
  }

  private async publish(envelope: Envelope): Promise<void> {
    if (!(await this.sent(envelope))) this.keep(envelope);
  }

  private async sent(envelope: Envelope): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), PUBLISH_TIMEOUT_MS);
    });
    try {
      return await Promise.race([this.publisher!.publish(this.channel, JSON.stringify(envelope)).then(() => true), timeout]);
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  private keep(envelope: Envelope): void {
    this.unsent.push(envelope);
    if (this.unsent.length > MAX_UNSENT) this.unsent.shift();
  }

  private async sendUnsent(): Promise<void> {
    if (this.resending) return;
    this.resending = true;
    try {
      const pending = this.unsent;
      this.unsent = [];
      for (const envelope of pending) if (!(await this.sent(envelope))) this.keep(envelope);
    } finally {
      this.resending = false;
    }
  }
}
