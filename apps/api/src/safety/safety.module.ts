import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UsersModule } from '../users/users.module.js';
import { BlockEntity } from './block.entity.js';
import { SafetyController } from './safety.controller.js';
import { SafetyService } from './safety.service.js';
import { WarningPreferenceEntity } from './warning-preference.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([WarningPreferenceEntity, BlockEntity]), UsersModule],
  controllers: [SafetyController],
  providers: [SafetyService],
  exports: [SafetyService],
})
export class SafetyModule {}
