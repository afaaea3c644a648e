import { Module } from '@nestjs/common';
import { ChatModule } from '../chat/chat.module.js';
import { ModerationCoreModule } from '../moderation/moderation-core.module.js';
import { RoomsModule } from '../rooms/rooms.module.js';
import { SafetyModule } from '../safety/safety.module.js';
import { UsersModule } from '../users/users.module.js';
import { ConversationsCoreModule } from './conversations-core.module.js';
import { ConversationsController } from './conversations.controller.js';
import { ConversationsService } from './conversations.service.js';

/** Private conversations with consent; their messages travel the chat engine (chat/). */
@Module({
  imports: [ConversationsCoreModule, ChatModule, SafetyModule, RoomsModule, UsersModule, ModerationCoreModule],
  controllers: [ConversationsController],
  providers: [ConversationsService],
  exports: [ConversationsService],
})
export class ConversationsModule {}
