import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MemberSanctionEntity } from '../moderation/member-sanction.entity.js';
import { SanctionsService } from '../moderation/sanctions.service.js';
import { RoomMembershipEntity } from '../rooms/room-membership.entity.js';
import { RoomEntity } from '../rooms/room.entity.js';
import { AccessService } from './access.service.js';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([RoomEntity, RoomMembershipEntity, MemberSanctionEntity])],
  // Sanctions are part of every posting decision, so the gate owns their look-up.
  providers: [AccessService, SanctionsService],
  exports: [AccessService, SanctionsService],
})
export class AccessModule {}
