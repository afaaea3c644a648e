import { Module } from '@nestjs/common';
import { PostsModule } from '../posts/posts.module.js';
import { SafetyModule } from '../safety/safety.module.js';
import { SearchController } from './search.controller.js';
import { SearchService } from './search.service.js';

@Module({
  imports: [PostsModule, SafetyModule],
  controllers: [SearchController],
  providers: [SearchService],
})
export class SearchModule {}
