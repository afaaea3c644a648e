import { createHash } from 'node:crypto';
import { HttpStatus, Injectable } from '@nestjs/common';
import { ErrorCode, RegistrationMode, type PublicSiteView } from '@kindred/contracts';
import type { EntityManager } from 'typeorm';
import { DecisionCaches } from '../common/cache/decision-caches.js';
import type { DecisionCache } from '../common/cache/decision-cache.js';
import { Clock } from '../common/clock.js';
import { AppError } from '../common/errors/app-error.js';
import { DomainEvents } from '../common/events/domain-events.js';
import type { SiteSettingsEntity } from './site-settings.entity.js';
import { SiteSettingsRepository } from './site-settings.repository.js';
import { SiteInviteRepository } from './site-invite.repository.js';

const SETTINGS_KEY = 'site';
/** A safety net only: `site-settings.changed` reaches every instance the moment an admin changes them. */
const SETTINGS_TTL_MS = 60_000;

/** Codes are typed by hand and read aloud: compared without case or surrounding spaces. */
export const hashSiteInviteCode = (code: string) => createHash('sha256').update(`site:${code.trim().toUpperCase()}`).digest('hex');

const registrationClosed = () =>
  new AppError({ status: HttpStatus.FORBIDDEN, code: ErrorCode.RegistrationClosed, message: 'Registration is closed for now. Please come back later.' });
const inviteRequired = () =>
  new AppError({ status: HttpStatus.BAD_REQUEST, code: ErrorCode.InviteRequired, message: 'Registration is by invitation: please enter your invite code.' });
const inviteInvalid = () =>
  new AppError({ status: HttpStatus.BAD_REQUEST, code: ErrorCode.InviteInvalid, message: 'This invite code is not valid: it may have expired or been used up.' });

/**
 * The site settings every request may ask about (registration, the demo notice, crisis
 * resources per country), read once per instance and kept until an admin changes them.
 */
@Injectable()
export class SiteSettingsService {
  private readonly cache: DecisionCache<Readonly<SiteSettingsEntity>>;

  constructor(
    private readonly settings: SiteSettingsRepository,
    private readonly invites: SiteInviteRepository,
    private readonly clock: Clock,
    events: DomainEvents,
    caches: DecisionCaches,
  ) {
    this.cache = caches.create({ max: 1, ttlMs: SETTINGS_TTL_MS });
    events.on('site-settings.changed', () => this.cache.clear());
  }

  current(): Promise<Readonly<SiteSettingsEntity>> {
    return this.cache.get(SETTINGS_KEY, async () => Object.freeze(await this.settings.read()));
  }

  async publicView(): Promise<PublicSiteView> {
    const { registrationMode, demoNotice } = await this.current();
    return { registrationMode, demoNotice };
  }

  /**
   * May this registration go ahead? Closed: no. Invite-only: only with a live code, used up in
   * the registration's own transaction (a failed registration gives the use back).
   */
  async admitRegistration(inviteCode: string | undefined, manager: EntityManager): Promise<void> {
    const { registrationMode } = await this.current();
    if (registrationMode === RegistrationMode.Open) return;
    if (registrationMode === RegistrationMode.Closed) throw registrationClosed();
    if (!inviteCode?.trim()) throw inviteRequired();
    if (!(await this.invites.claim(hashSiteInviteCode(inviteCode), this.clock.now(), manager))) throw inviteInvalid();
  }
}
