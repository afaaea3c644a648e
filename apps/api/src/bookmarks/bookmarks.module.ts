import { Module } from '@nestjs/common';
import { PostsModule } from '../posts/posts.module.js';
import { SafetyModule } from '../safety/safety.module.js';
import { BookmarkRepository } from './bookmark.repository.js';
import { BookmarksController } from './bookmarks.controller.js';
import { BookmarksService } from './bookmarks.service.js';

/** Saved posts with private notes. */
@Module({
  imports: [PostsModule, SafetyModule],
  controllers: [BookmarksController],
  providers: [BookmarkRepository, BookmarksService],
  exports: [BookmarkRepository],
})
export class BookmarksModule {}
