import { Module } from '@nestjs/common';
import { MentionsModule } from '../mentions/mentions.module.js';
import { ModerationCoreModule } from '../moderation/moderation-core.module.js';
import { RoomsModule } from '../rooms/rooms.module.js';
import { SafetyModule } from '../safety/safety.module.js';
import { ChatHistoryService } from './chat-history.service.js';
import { ChatMessageRepository } from './chat-message.repository.js';
import { ChatMessagesService } from './chat-messages.service.js';
import { ChatModerationService } from './chat-moderation.service.js';
import { ChatSendQueue } from './chat-send-queue.js';

/** Live chat's rules and storage; the socket gateway that carries it is in realtime/. */
@Module({
  imports: [SafetyModule, RoomsModule, ModerationCoreModule, MentionsModule],
  providers: [ChatMessageRepository, ChatSendQueue, ChatHistoryService, ChatMessagesService, ChatModerationService],
  exports: [ChatMessageRepository, ChatHistoryService, ChatMessagesService, ChatModerationService],
})
export class ChatModule {}
