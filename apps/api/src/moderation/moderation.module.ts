import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { ChatModule } from '../chat/chat.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { PostsModule } from '../posts/posts.module.js';
import { RoomsModule } from '../rooms/rooms.module.js';
import { SafetyModule } from '../safety/safety.module.js';
import { ThreadsModule } from '../threads/threads.module.js';
import { UsersModule } from '../users/users.module.js';
import { AppealsService } from './appeals.service.js';
import { AutomaticWarnings } from './automatic-warnings.js';
import { ModerationActionsService } from './moderation-actions.service.js';
import { ModerationCoreModule } from './moderation-core.module.js';
import { ModerationController } from './moderation.controller.js';
import { QueueTargets } from './queue-targets.js';
import { QueueService } from './queue.service.js';
import { ReportsService } from './reports.service.js';
import { WellbeingController } from './wellbeing/wellbeing.controller.js';
import { WellbeingRepository } from './wellbeing/wellbeing.repository.js';
import { WellbeingService } from './wellbeing/wellbeing.service.js';

/** The moderators' tools: reports, the queue, actions on content and members, appeals. */
@Module({
  imports: [ModerationCoreModule, AuthModule, UsersModule, RoomsModule, ThreadsModule, PostsModule, ChatModule, NotificationsModule, SafetyModule],
  controllers: [ModerationController, WellbeingController],
  providers: [QueueService, QueueTargets, ReportsService, ModerationActionsService, AppealsService, AutomaticWarnings, WellbeingRepository, WellbeingService],
  // Crisis care works queue items through the same service, so closing one tells reporters alike;
  // its labels for the detector read the labelled words through QueueTargets.
  exports: [QueueService, AutomaticWarnings, QueueTargets],
})
export class ModerationModule {}
