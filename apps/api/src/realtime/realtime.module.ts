import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { ChatModule } from '../chat/chat.module.js';
import { ConversationsModule } from '../conversations/conversations.module.js';
import { SafetyModule } from '../safety/safety.module.js';
import { SupportSessionsModule } from '../support-sessions/support-sessions.module.js';
import { ChatBroadcaster } from './chat-broadcaster.service.js';
import { ChatGateway } from './chat.gateway.js';
import { ConversationSockets } from './conversation-sockets.js';
import { PresenceService } from './presence.service.js';
import { TypingRelay } from './typing-relay.service.js';

@Module({
  imports: [AuthModule, SafetyModule, ChatModule, ConversationsModule, SupportSessionsModule],
  providers: [ChatGateway, ChatBroadcaster, PresenceService, TypingRelay, ConversationSockets],
})
export class RealtimeModule {}
