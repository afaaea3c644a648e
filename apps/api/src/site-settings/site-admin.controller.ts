import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post, Put } from '@nestjs/common';
import { ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import type { AdminUserView, SiteInviteView, SiteSettingsView } from '@kindred/contracts';
import { AccessService } from '../access/access.service.js';
import { Action } from '../access/actions.js';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentAuth } from '../auth/current-auth.decorator.js';
import { ChangeRoleDto, CreateSiteInviteDto, SetCountryResourcesDto, UpdateSiteSettingsDto } from './dto/site-admin.dto.js';
import { SiteAdminService } from './site-admin.service.js';

@ApiTags('admin')
@ApiCookieAuth()
@Controller('admin/site-settings')
export class SiteSettingsAdminController {
  constructor(
    private readonly access: AccessService,
    private readonly admin: SiteAdminService,
  ) {}

  @Get()
  async view(@CurrentAuth() auth: AuthContext): Promise<SiteSettingsView> {
    return this.admin.view(await this.access.require({ user: auth.user, action: Action.SiteSettingsManage }));
  }

  @Patch()
  async update(@CurrentAuth() auth: AuthContext, @Body() dto: UpdateSiteSettingsDto): Promise<SiteSettingsView> {
    return this.admin.update(await this.access.require({ user: auth.user, action: Action.SiteSettingsManage }), dto);
  }

  /** One country's crisis resources, replacing the configured ones (`resources: null` restores them). */
  @Put('crisis-resources/:country')
  async setCountry(@CurrentAuth() auth: AuthContext, @Param('country') country: string, @Body() dto: SetCountryResourcesDto): Promise<SiteSettingsView> {
    return this.admin.setCountryResources(await this.access.require({ user: auth.user, action: Action.SiteSettingsManage }), country, dto);
  }
}

@ApiTags('admin')
@ApiCookieAuth()
@Controller('admin/site-invites')
export class SiteInvitesAdminController {
  constructor(
    private readonly access: AccessService,
    private readonly admin: SiteAdminService,
  ) {}

  @Get()
  async list(@CurrentAuth() auth: AuthContext): Promise<SiteInviteView[]> {
    return this.admin.listInvites(await this.access.require({ user: auth.user, action: Action.SiteInvitesManage }));
  }

  @Post()
  async create(@CurrentAuth() auth: AuthContext, @Body() dto: CreateSiteInviteDto): Promise<SiteInviteView> {
    return this.admin.createInvite(await this.access.require({ user: auth.user, action: Action.SiteInvitesManage }), dto);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  async revoke(@CurrentAuth() auth: AuthContext, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    await this.admin.revokeInvite(await this.access.require({ user: auth.user, action: Action.SiteInvitesManage }), id);
  }
}

/** Role changes live here, not in users/, because each is written to the moderation log with its reason. */
@ApiTags('admin')
@ApiCookieAuth()
@Controller('admin/users')
export class AdminRolesController {
  constructor(
    private readonly access: AccessService,
    private readonly admin: SiteAdminService,
  ) {}

  @Patch(':id/role')
  async changeRole(@CurrentAuth() auth: AuthContext, @Param('id', new ParseUUIDPipe()) id: string, @Body() dto: ChangeRoleDto): Promise<AdminUserView> {
    return this.admin.changeRole(await this.access.require({ user: auth.user, action: Action.AdminUsersChangeRole }), id, dto);
  }
}
