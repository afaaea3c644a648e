import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module.js';
import { ChatModule } from '../chat/chat.module.js';
import { PostsModule } from '../posts/posts.module.js';
import { RoomsModule } from '../rooms/rooms.module.js';
import { SafetyModule } from '../safety/safety.module.js';
import { ThreadsModule } from '../threads/threads.module.js';
import { UsersModule } from '../users/users.module.js';
import { AppealsService } from './appeals.service.js';
import { CrisisSupportService } from './crisis-support.service.js';
import { MemberSanctionEntity } from './member-sanction.entity.js';
import { ModerationActionsService } from './moderation-actions.service.js';
import { ModerationLogEntity } from './moderation-log.entity.js';
import { ModerationLogService } from './moderation-log.service.js';
import { ModerationController } from './moderation.controller.js';
import { QueueRepository } from './queue.repository.js';
import { QueueTargets } from './queue-targets.js';
import { QueueService } from './queue.service.js';
import { ReportsService } from './reports.service.js';
import { SanctionsService } from './sanctions.service.js';

/**
 * Global so content and chat can raise queue items and write log entries, and the gate and
 * sign-in can see sanctions.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([ModerationLogEntity, MemberSanctionEntity]), AuthModule, UsersModule, RoomsModule, ThreadsModule, PostsModule, ChatModule, SafetyModule],
  controllers: [ModerationController],
  providers: [ModerationLogService, QueueRepository, QueueService, QueueTargets, ReportsService, ModerationActionsService, AppealsService, CrisisSupportService, SanctionsService],
  exports: [ModerationLogService, QueueService, QueueRepository, CrisisSupportService, SanctionsService],
})
export class ModerationModule {}
