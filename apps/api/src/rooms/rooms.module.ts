import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JoinRequestEntity } from './join-request.entity.js';
import { MembershipsService } from './memberships.service.js';
import { RoomInviteEntity } from './room-invite.entity.js';
import { RoomMembershipEntity } from './room-membership.entity.js';
import { RoomEntity } from './room.entity.js';
import { InvitesController, RoomsController } from './rooms.controller.js';
import { RoomsService } from './rooms.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([RoomEntity, RoomMembershipEntity, JoinRequestEntity, RoomInviteEntity])],
  controllers: [RoomsController, InvitesController],
  providers: [RoomsService, MembershipsService],
  exports: [RoomsService],
})
export class RoomsModule {}
