import { Module } from '@nestjs/common';
import { ModerationCoreModule } from '../moderation/moderation-core.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { SafetyModule } from '../safety/safety.module.js';
import { ThreadsModule } from '../threads/threads.module.js';
import { UsersModule } from '../users/users.module.js';
import { MembershipRepository } from './membership.repository.js';
import { MembershipsService } from './memberships.service.js';
import { RoomFollowRepository } from './room-follow.repository.js';
import { RoomFollowsController } from './room-follows.controller.js';
import { RoomRepository } from './room.repository.js';
import { RoomRules } from './room-rules.js';
import { InvitesController, RoomsController } from './rooms.controller.js';
import { RoomsService } from './rooms.service.js';
import { SeedService } from './seeds/seed.service.js';

@Module({
  imports: [UsersModule, ThreadsModule, SafetyModule, ModerationCoreModule, NotificationsModule],
  controllers: [RoomsController, InvitesController, RoomFollowsController],
  providers: [RoomsService, MembershipsService, RoomRepository, MembershipRepository, RoomFollowRepository, RoomRules, SeedService],
  exports: [RoomsService, RoomRepository, MembershipRepository, RoomFollowRepository, RoomRules],
})
export class RoomsModule {}
