import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { AccessGuard } from './access/access.guard.js';
import { AccessModule } from './access/access.module.js';
import { AccountModule } from './account/account.module.js';
import { AuthModule } from './auth/auth.module.js';
import { BookmarksModule } from './bookmarks/bookmarks.module.js';
import { DraftsModule } from './drafts/drafts.module.js';
import { SessionGuard } from './auth/session.guard.js';
import { Clock } from './common/clock.js';
import { DecisionCaches } from './common/cache/decision-caches.js';
import { DomainEvents } from './common/events/domain-events.js';
import { EventRelay } from './common/events/event-relay.js';
import { SharedLimits } from './common/limits/shared-limits.js';
import { ApiExceptionFilter } from './common/filters/api-exception.filter.js';
import { createValidationPipe } from './common/http/validation.js';
import { APP_CONFIG, type AppConfig } from './config/app-config.js';
import { ConversationsCoreModule } from './conversations/conversations-core.module.js';
import { ConversationsModule } from './conversations/conversations.module.js';
import { ComposeCheckModule } from './compose-check/compose-check.module.js';
import { CrisisResourcesModule } from './crisis-resources/crisis-resources.module.js';
import { DatabaseModule } from './database/database.module.js';
import { HealthModule } from './health/health.module.js';
import { ModerationCoreModule } from './moderation/moderation-core.module.js';
import { ModerationModule } from './moderation/moderation.module.js';
import { CareModule } from './care/care.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { ChatModule } from './chat/chat.module.js';
import { MentionsModule } from './mentions/mentions.module.js';
import { PostsModule } from './posts/posts.module.js';
import { RealtimeModule } from './realtime/realtime.module.js';
import { RoomsModule } from './rooms/rooms.module.js';
import { SafetyModule } from './safety/safety.module.js';
import { SearchModule } from './search/search.module.js';
import { SetupModule } from './setup/setup.module.js';
import { SiteAdminModule } from './site-settings/site-admin.module.js';
import { SiteSettingsModule } from './site-settings/site-settings.module.js';
import { SupportSessionsModule } from './support-sessions/support-sessions.module.js';
import { ThreadsModule } from './threads/threads.module.js';
import { UsersModule } from './users/users.module.js';

@Global()
@Module({})
class CoreModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CoreModule,
      providers: [{ provide: APP_CONFIG, useValue: config }, Clock, DomainEvents, SharedLimits, DecisionCaches, EventRelay],
      exports: [APP_CONFIG, Clock, DomainEvents, SharedLimits, DecisionCaches, EventRelay],
    };
  }
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig & { databaseUrl: string }): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config),
        DatabaseModule.forRoot(config),
        AccessModule.forRoot({ imports: [RoomsModule, ModerationCoreModule, ConversationsCoreModule] }),
        UsersModule,
        AuthModule,
        SetupModule,
        AccountModule,
        NotificationsModule,
        CrisisResourcesModule,
        ComposeCheckModule,
        BookmarksModule,
        DraftsModule,
        SiteSettingsModule,
        SiteAdminModule,
        ModerationModule,
        CareModule,
        SafetyModule,
        RoomsModule,
        ThreadsModule,
        PostsModule,
        SearchModule,
        ChatModule,
        MentionsModule,
        ConversationsModule,
        SupportSessionsModule,
        RealtimeModule,
        HealthModule,
      ],
      providers: [
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        // Order matters: who you are, then what you may do. (Rate limits run earlier, in
        // a Fastify onRequest hook, so floods are refused before any database work.)
        { provide: APP_GUARD, useExisting: SessionGuard },
        { provide: APP_GUARD, useClass: AccessGuard },
      ],
    };
  }
}
