import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { RoomsModule } from '../rooms/rooms.module.js';
import { SafetyModule } from '../safety/safety.module.js';
import { UsersModule } from '../users/users.module.js';
import { MentionAudienceService } from './mention-audience.service.js';
import { MentionCandidatesController } from './mention-candidates.controller.js';
import { MentionCandidatesRepository } from './mention-candidates.repository.js';
import { MentionNoticesService } from './mention-notices.service.js';

/** @handle mentions in posts and live chat: who they reach, their notices, the composer's autocomplete. */
@Module({
  imports: [UsersModule, RoomsModule, SafetyModule, NotificationsModule],
  controllers: [MentionCandidatesController],
  providers: [MentionAudienceService, MentionNoticesService, MentionCandidatesRepository],
  exports: [MentionAudienceService, MentionNoticesService],
})
export class MentionsModule {}
