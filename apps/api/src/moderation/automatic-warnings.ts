import { Injectable } from '@nestjs/common';
import type { ReportTargetType } from '@kindred/contracts';
import type { EntityManager } from 'typeorm';
import { ChatMessageRepository } from '../chat/chat-message.repository.js';
import { PostStateService } from '../posts/post-state.service.js';
import { PostRepository } from '../posts/post.repository.js';

/** The crisis detector's automatic warning, taken off when a moderator finds it was not a crisis. */
@Injectable()
export class AutomaticWarnings {
  constructor(
    private readonly posts: PostRepository,
    private readonly postState: PostStateService,
    private readonly messages: ChatMessageRepository,
  ) {}

  async clear(targetType: ReportTargetType, targetId: string, manager: EntityManager): Promise<void> {
    if (targetType === 'message') return this.messages.clearAutoWarnings(targetId, manager);
    if (targetType === 'member') return;
    const postId = targetType === 'thread' ? (await this.posts.openingPost(targetId, manager))?.id : targetId;
    const threadId = postId && (await this.posts.threadOf(postId, manager));
    if (postId && threadId) await this.postState.setAutoWarnings(postId, threadId, [], manager);
  }
}
