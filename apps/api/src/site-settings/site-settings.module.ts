import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SiteInviteEntity } from './site-invite.entity.js';
import { SiteInviteRepository } from './site-invite.repository.js';
import { SiteSettingsController } from './site-settings.controller.js';
import { SiteSettingsEntity } from './site-settings.entity.js';
import { SiteSettingsRepository } from './site-settings.repository.js';
import { SiteSettingsService } from './site-settings.service.js';

/**
 * The site settings and site invites (tables and cached reads), depending on no feature, so
 * registration and crisis resources can read them. The admin screens' side is SiteAdminModule.
 */
@Module({
  imports: [TypeOrmModule.forFeature([SiteSettingsEntity, SiteInviteEntity])],
  controllers: [SiteSettingsController],
  providers: [SiteSettingsRepository, SiteInviteRepository, SiteSettingsService],
  exports: [SiteSettingsRepository, SiteInviteRepository, SiteSettingsService],
})
export class SiteSettingsModule {}
