import { Module } from '@nestjs/common';
import { ConversationsCoreModule } from '../conversations/conversations-core.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { BookmarksModule } from '../bookmarks/bookmarks.module.js';
import { DraftStoreModule } from '../drafts/draft-store.module.js';
import { CareModule } from '../care/care.module.js';
import { ChatModule } from '../chat/chat.module.js';
import { ModerationCoreModule } from '../moderation/moderation-core.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { PostsModule } from '../posts/posts.module.js';
import { RoomsModule } from '../rooms/rooms.module.js';
import { PersonalFiltersModule } from '../personal-filters/personal-filters.module.js';
import { SafetyModule } from '../safety/safety.module.js';
import { SiteSettingsModule } from '../site-settings/site-settings.module.js';
import { SupportSessionsModule } from '../support-sessions/support-sessions.module.js';
import { ThreadsModule } from '../threads/threads.module.js';
import { UsersModule } from '../users/users.module.js';
import { AccountController } from './account.controller.js';
import { AccountService } from './account.service.js';

@Module({
  imports: [ConversationsCoreModule, AuthModule, BookmarksModule, DraftStoreModule, UsersModule, SafetyModule, PersonalFiltersModule, RoomsModule, ThreadsModule, PostsModule, ChatModule, NotificationsModule, ModerationCoreModule, CareModule, SupportSessionsModule, SiteSettingsModule],
  controllers: [AccountController],
  providers: [AccountService],
})
export class AccountModule {}
