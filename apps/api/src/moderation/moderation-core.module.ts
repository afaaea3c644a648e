import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SANCTION_LOOKUP } from '../access/sanction-lookup.js';
import { CrisisResourcesModule } from '../crisis-resources/crisis-resources.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { UsersModule } from '../users/users.module.js';
import { CrisisSupportService } from './crisis-support.service.js';
import { MemberSanctionEntity } from './member-sanction.entity.js';
import { ModerationLogEntity } from './moderation-log.entity.js';
import { ModerationLogService } from './moderation-log.service.js';
import { QueueRaiser } from './queue-raiser.js';
import { QueueRepository } from './queue.repository.js';
import { SanctionsService } from './sanctions.service.js';
import { WarningEditNotice } from './warning-edit-notice.js';

/**
 * What content, chat and rooms need from moderation while writing: the log, raising queue
 * items (crisis support included), sanctions and the kind notice of an added warning; and the sanction look-up the gate asks. It
 * depends on nothing that writes content, so those modules can import it; the moderation tools
 * themselves are ModerationModule.
 */
@Module({
  imports: [TypeOrmModule.forFeature([ModerationLogEntity, MemberSanctionEntity]), UsersModule, CrisisResourcesModule, NotificationsModule],
  providers: [ModerationLogService, QueueRepository, QueueRaiser, CrisisSupportService, SanctionsService, WarningEditNotice, { provide: SANCTION_LOOKUP, useExisting: SanctionsService }],
  exports: [ModerationLogService, QueueRepository, QueueRaiser, CrisisSupportService, SanctionsService, WarningEditNotice, SANCTION_LOOKUP],
})
export class ModerationCoreModule {}
