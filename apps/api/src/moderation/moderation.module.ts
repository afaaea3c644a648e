import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module.js';
import { SafetyModule } from '../safety/safety.module.js';
import { AppealsService } from './appeals.service.js';
import { CrisisSupportService } from './crisis-support.service.js';
import { ModerationActionsService } from './moderation-actions.service.js';
import { ModerationLogEntity } from './moderation-log.entity.js';
import { ModerationLogService } from './moderation-log.service.js';
import { ModerationController } from './moderation.controller.js';
import { QueueItemEntity } from './queue-item.entity.js';
import { QueueService } from './queue.service.js';
import { ReportsService } from './reports.service.js';

/** Global so content and chat can raise queue items and write log entries. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([ModerationLogEntity, QueueItemEntity]), AuthModule, SafetyModule],
  controllers: [ModerationController],
  providers: [ModerationLogService, QueueService, ReportsService, ModerationActionsService, AppealsService, CrisisSupportService],
  exports: [ModerationLogService, QueueService, CrisisSupportService],
})
export class ModerationModule {}
