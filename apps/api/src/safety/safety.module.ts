import { Module } from '@nestjs/common';
import { ConversationsCoreModule } from '../conversations/conversations-core.module.js';
import { PersonalFiltersModule } from '../personal-filters/personal-filters.module.js';
import { UsersModule } from '../users/users.module.js';
import { BlockRepository } from './block.repository.js';
import { SafetyController } from './safety.controller.js';
import { SafetyService } from './safety.service.js';
import { ViewerService } from './viewer.service.js';

@Module({
  imports: [UsersModule, ConversationsCoreModule, PersonalFiltersModule],
  controllers: [SafetyController],
  providers: [SafetyService, BlockRepository, ViewerService],
  exports: [SafetyService, ViewerService],
})
export class SafetyModule {}
