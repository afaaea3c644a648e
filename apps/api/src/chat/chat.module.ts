import { Module } from '@nestjs/common';
import { SafetyModule } from '../safety/safety.module.js';
import { ChatMessageRepository } from './chat-message.repository.js';
import { ChatModerationService } from './chat-moderation.service.js';
import { ChatService } from './chat.service.js';

/** Live chat's rules and storage; the socket gateway that carries it is in realtime/. */
@Module({
  imports: [SafetyModule],
  providers: [ChatMessageRepository, ChatService, ChatModerationService],
  exports: [ChatMessageRepository, ChatService, ChatModerationService],
})
export class ChatModule {}
