import { Module } from '@nestjs/common';
import { ModerationCoreModule } from '../moderation/moderation-core.module.js';
import { UsersModule } from '../users/users.module.js';
import { AdminRolesController, SiteInvitesAdminController, SiteSettingsAdminController } from './site-admin.controller.js';
import { SiteAdminService } from './site-admin.service.js';
import { SiteSettingsModule } from './site-settings.module.js';

/** The admins' side of the site settings: settings, invite codes and roles, each change logged. */
@Module({
  imports: [SiteSettingsModule, ModerationCoreModule, UsersModule],
  controllers: [SiteSettingsAdminController, SiteInvitesAdminController, AdminRolesController],
  providers: [SiteAdminService],
})
export class SiteAdminModule {}
