import { Module } from '@nestjs/common';
import { SafetyModule } from '../safety/safety.module.js';
import { ThreadAccessService } from './thread-access.service.js';
import { ReadMarkerRepository } from './read-marker.repository.js';
import { ThreadRepository } from './thread.repository.js';
import { ThreadsController } from './threads.controller.js';
import { ThreadsService } from './threads.service.js';

@Module({
  imports: [SafetyModule],
  controllers: [ThreadsController],
  providers: [ThreadRepository, ReadMarkerRepository, ThreadsService, ThreadAccessService],
  exports: [ThreadRepository, ReadMarkerRepository, ThreadsService, ThreadAccessService],
})
export class ThreadsModule {}
