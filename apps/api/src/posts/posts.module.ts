import { Module } from '@nestjs/common';
import { MentionsModule } from '../mentions/mentions.module.js';
import { DraftStoreModule } from '../drafts/draft-store.module.js';
import { ModerationCoreModule } from '../moderation/moderation-core.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { RoomsModule } from '../rooms/rooms.module.js';
import { SafetyModule } from '../safety/safety.module.js';
import { ThreadsModule } from '../threads/threads.module.js';
import { UsersModule } from '../users/users.module.js';
import { PostMentionNotices } from './post-mention-notices.js';
import { PostAccessService } from './post-access.service.js';
import { PostStateService } from './post-state.service.js';
import { PostViewsService } from './post-views.service.js';
import { PostWriterService } from './post-writer.service.js';
import { PostRepository } from './post.repository.js';
import { PostsController } from './posts.controller.js';
import { PostsService } from './posts.service.js';
import { ThreadPostsController } from './thread-posts.controller.js';
import { ReplyNoticesService } from './reply-notices.service.js';
import { RoomThreadNoticesService } from './room-thread-notices.service.js';
import { ThreadPostsService } from './thread-posts.service.js';

/** Posts, and the threads they are written in (a thread is written with its opening post). */
@Module({
  imports: [DraftStoreModule, ThreadsModule, RoomsModule, UsersModule, SafetyModule, ModerationCoreModule, NotificationsModule, MentionsModule],
  controllers: [ThreadPostsController, PostsController],
  providers: [PostRepository, PostStateService, PostWriterService, PostsService, PostViewsService, PostAccessService, ThreadPostsService, ReplyNoticesService, RoomThreadNoticesService, PostMentionNotices],
  exports: [ReplyNoticesService, RoomThreadNoticesService, PostMentionNotices, PostRepository, PostStateService, PostViewsService, PostAccessService, PostsService],
})
export class PostsModule {}
