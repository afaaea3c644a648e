import { Module } from '@nestjs/common';
import { SiteSettingsModule } from '../site-settings/site-settings.module.js';
import { UsersModule } from '../users/users.module.js';
import { CrisisResourcesController } from './crisis-resources.controller.js';
import { CrisisResourcesService } from './crisis-resources.service.js';

/** Crisis resources per country and language; moderation's crisis support hands them to authors. */
@Module({
  imports: [UsersModule, SiteSettingsModule],
  controllers: [CrisisResourcesController],
  providers: [CrisisResourcesService],
  exports: [CrisisResourcesService],
})
export class CrisisResourcesModule {}
