import { createHmac, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { CeremonyKind } from './auth-ceremony.entity.js';
import { AuthCeremonyRepository } from './auth-ceremony.repository.js';

/** How long the second step, or a passkey ceremony, may take once started. */
export const CEREMONY_MS = 5 * 60_000;

export interface TakenCeremony {
  userId: string | null;
  challenge: string | null;
}

/**
 * Sign-in steps in progress, held on the server so each can be finished once and only within
 * five minutes: the browser holds a random token (in an httpOnly cookie), the database a
 * keyed hash of it. Adding a passkey is bound to the session instead of a cookie.
 */
@Injectable()
export class AuthCeremoniesService {
  constructor(
    private readonly ceremonies: AuthCeremonyRepository,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Starts a ceremony for a browser; returns the token for its cookie. */
  async startForBrowser(kind: CeremonyKind, userId: string | null, challenge: string | null): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.start(kind, this.hash(kind, token), userId, challenge);
    return token;
  }

  /** Starts adding a passkey in this session; a second start replaces the first. */
  async startForSession(kind: CeremonyKind, sessionId: string, userId: string, challenge: string): Promise<void> {
    await this.start(kind, this.hash(kind, `session:${sessionId}`), userId, challenge);
  }

  /** The member a live browser ceremony is for, without using it up (to know whose limits apply). */
  async peekForBrowser(kind: CeremonyKind, token: string | undefined): Promise<string | undefined> {
    if (!token) return undefined;
    return (await this.ceremonies.find(kind, this.hash(kind, token), this.clock.now()))?.userId ?? undefined;
  }

  /** Uses the ceremony up; undefined when it never was, was used already, or has expired. */
  takeForBrowser(kind: CeremonyKind, token: string | undefined, manager?: EntityManager): Promise<TakenCeremony | undefined> {
    if (!token) return Promise.resolve(undefined);
    return this.ceremonies.take(kind, this.hash(kind, token), this.clock.now(), manager);
  }

  takeForSession(kind: CeremonyKind, sessionId: string): Promise<TakenCeremony | undefined> {
    return this.ceremonies.take(kind, this.hash(kind, `session:${sessionId}`), this.clock.now());
  }

  private async start(kind: CeremonyKind, tokenHash: string, userId: string | null, challenge: string | null): Promise<void> {
    const now = this.clock.now();
    await this.ceremonies.start({ kind, tokenHash, userId, challenge, expiresAt: new Date(now.getTime() + CEREMONY_MS) }, now);
  }

  private hash(kind: CeremonyKind, token: string): string {
    return createHmac('sha256', this.config.sessionSecret).update(`ceremony:${kind}:${token}`).digest('hex');
  }
}
