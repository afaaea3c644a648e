import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ModerationLogEntity } from './moderation-log.entity.js';
import { ModerationLogService } from './moderation-log.service.js';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([ModerationLogEntity])],
  providers: [ModerationLogService],
  exports: [ModerationLogService],
})
export class ModerationModule {}
