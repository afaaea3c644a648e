import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SafetyModule } from '../safety/safety.module.js';
import { SearchController } from '../search/search.controller.js';
import { SearchService } from '../search/search.service.js';
import { ThreadAccessService } from '../threads/thread-access.service.js';
import { ThreadEntity } from '../threads/thread.entity.js';
import { ThreadsController } from '../threads/threads.controller.js';
import { ThreadsService } from '../threads/threads.service.js';
import { PostEntity } from './post.entity.js';
import { PostViewsService } from './post-views.service.js';
import { PostWriterService } from './post-writer.service.js';
import { PostsController } from './posts.controller.js';
import { PostsService } from './posts.service.js';
import { ViewerService } from './viewer.service.js';

/** Threads, posts and search share one module: they are one body of content. */
@Module({
  imports: [TypeOrmModule.forFeature([ThreadEntity, PostEntity]), SafetyModule],
  controllers: [ThreadsController, PostsController, SearchController],
  providers: [ThreadAccessService, ThreadsService, PostsService, PostViewsService, PostWriterService, ViewerService, SearchService],
  exports: [ThreadAccessService, PostViewsService, ViewerService],
})
export class ContentModule {}
