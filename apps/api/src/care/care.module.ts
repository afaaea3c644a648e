import { Module } from '@nestjs/common';
import { ModerationCoreModule } from '../moderation/moderation-core.module.js';
import { ModerationModule } from '../moderation/moderation.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { RoomsModule } from '../rooms/rooms.module.js';
import { UsersModule } from '../users/users.module.js';
import { CareTemplatesService } from './care-templates.service.js';
import { CareController } from './care.controller.js';
import { CareRepository } from './care.repository.js';
import { CheckInsService } from './check-ins.service.js';
import { CrisisCareService } from './crisis-care.service.js';
import { CrisisLabelsController } from './crisis-labels.controller.js';
import { CrisisLabelsRepository } from './crisis-labels.repository.js';
import { CrisisLabelsService } from './crisis-labels.service.js';

/** Crisis care: check-ins with a member, their templates, the care responses to a crisis item, and the detector's labelled words. */
@Module({
  imports: [ModerationCoreModule, ModerationModule, NotificationsModule, RoomsModule, UsersModule],
  controllers: [CareController, CrisisLabelsController],
  providers: [CareRepository, CrisisCareService, CareTemplatesService, CheckInsService, CrisisLabelsRepository, CrisisLabelsService],
  exports: [CareRepository, CrisisLabelsRepository],
})
export class CareModule {}
