import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { AdminUserView, SiteInviteView, SiteSettingsView } from '@kindred/contracts';
import type { AccessGrant } from '../access/access.service.js';
import { Clock } from '../common/clock.js';
import { AppError } from '../common/errors/app-error.js';
import { DomainEvents } from '../common/events/domain-events.js';
import { ConfigError } from '../config/config-error.js';
import { parseCountryResources } from '../config/crisis-resources.schema.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { ModerationLogService } from '../moderation/moderation-log.service.js';
import { UsersService } from '../users/users.service.js';
import type { ChangeRoleDto, CreateSiteInviteDto, SetCountryResourcesDto, UpdateSiteSettingsDto } from './dto/site-admin.dto.js';
import type { SiteInviteEntity } from './site-invite.entity.js';
import { SiteInviteRepository } from './site-invite.repository.js';
import { SiteSettingsRepository } from './site-settings.repository.js';
import { hashSiteInviteCode } from './site-settings.service.js';

/** Unambiguous characters only: codes are read aloud and typed by hand. */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** The log's target for a change to the whole site (its target column is a uuid): the nil UUID. */
const SITE_TARGET_ID = '00000000-0000-0000-0000-000000000000';

/**
 * What admins change about the whole site, each change logged with its actor and reason and
 * announced to every instance (their cached settings are dropped at once).
 */
@Injectable()
export class SiteAdminService {
  constructor(
    private readonly settings: SiteSettingsRepository,
    private readonly invites: SiteInviteRepository,
    private readonly users: UsersService,
    private readonly log: ModerationLogService,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async view(_grant: AccessGrant): Promise<SiteSettingsView> {
    const current = await this.settings.read();
    return {
      registrationMode: current.registrationMode,
      demoNotice: current.demoNotice,
      crisisOverrides: current.crisisOverrides,
      configuredCountries: Object.keys(this.config.crisisResources.countries).sort(),
      updatedAt: current.updatedAt?.toISOString() ?? null,
    };
  }

  async update(grant: AccessGrant, dto: UpdateSiteSettingsDto): Promise<SiteSettingsView> {
    const change = {
      ...(dto.registrationMode !== undefined ? { registrationMode: dto.registrationMode } : {}),
      ...(dto.demoNotice !== undefined ? { demoNotice: dto.demoNotice } : {}),
    };
    await this.settings.change(change, grant.actor!.id, this.clock.now());
    await this.changed(grant, 'site.settings', dto.reason, { changed: change });
    return this.view(grant);
  }

  async setCountryResources(grant: AccessGrant, country: string, dto: SetCountryResourcesDto): Promise<SiteSettingsView> {
    let resources = null;
    if (dto.resources !== null) {
      try {
        resources = parseCountryResources(country, dto.resources);
      } catch (error) {
        if (error instanceof ConfigError) throw AppError.validation(error.message);
        throw error;
      }
    } else if (!/^[A-Z]{2}$/.test(country)) throw AppError.validation(`"${country}" is not an upper-case ISO 3166-1 alpha-2 country code.`);
    await this.settings.setCountry(country, resources, grant.actor!.id, this.clock.now());
    await this.changed(grant, resources ? 'site.crisis-resources' : 'site.crisis-resources.reset', dto.reason, { country, count: resources?.length ?? null });
    return this.view(grant);
  }

  async createInvite(grant: AccessGrant, dto: CreateSiteInviteDto): Promise<SiteInviteView> {
    const code = [...randomBytes(12)].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
    const invite = await this.invites.create({
      codeHash: hashSiteInviteCode(code),
      createdBy: grant.actor!.id,
      expiresAt: new Date(this.clock.now().getTime() + dto.expiresInHours * 3_600_000),
      maxUses: dto.maxUses,
    });
    await this.log.record({ actorId: grant.actor!.id, roomId: null, action: 'site-invite.create', targetType: 'site-invite', targetId: invite.id, reason: dto.reason || 'Site invite created', details: { maxUses: dto.maxUses } });
    return { ...inviteView(invite), code };
  }

  async listInvites(_grant: AccessGrant): Promise<SiteInviteView[]> {
    return (await this.invites.list(100)).map(inviteView);
  }

  async revokeInvite(grant: AccessGrant, id: string): Promise<void> {
    if (!(await this.invites.revoke(id, this.clock.now()))) throw AppError.notFound('No active invite with that id.', 'invite');
    await this.log.record({ actorId: grant.actor!.id, roomId: null, action: 'site-invite.revoke', targetType: 'site-invite', targetId: id, reason: 'Site invite revoked' });
  }

  async changeRole(grant: AccessGrant, userId: string, dto: ChangeRoleDto): Promise<AdminUserView> {
    const before = await this.users.getById(userId);
    const user = await this.users.setRole(userId, dto.role);
    await this.log.record({
      actorId: grant.actor!.id,
      roomId: null,
      action: 'role.change',
      targetType: 'user',
      targetId: userId,
      subjectUserId: userId,
      reason: dto.reason,
      details: { from: before.role, to: dto.role },
    });
    return { id: user.id, handle: user.handle, role: user.role };
  }

  private async changed(grant: AccessGrant, action: string, reason: string, details: Record<string, unknown>): Promise<void> {
    await this.log.record({ actorId: grant.actor!.id, roomId: null, action, targetType: 'site', targetId: SITE_TARGET_ID, reason, details });
    await this.events.announce('site-settings.changed', {});
  }
}

function inviteView(invite: SiteInviteEntity): SiteInviteView {
  return {
    id: invite.id,
    expiresAt: invite.expiresAt.toISOString(),
    maxUses: invite.maxUses,
    uses: invite.uses,
    revoked: !!invite.revokedAt,
    createdAt: invite.createdAt.toISOString(),
  };
}
