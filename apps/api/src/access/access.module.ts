import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RoomMembershipEntity } from '../rooms/room-membership.entity.js';
import { RoomEntity } from '../rooms/room.entity.js';
import { AccessService } from './access.service.js';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([RoomEntity, RoomMembershipEntity])],
  providers: [AccessService],
  exports: [AccessService],
})
export class AccessModule {}
