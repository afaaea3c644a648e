import { Injectable } from '@nestjs/common';
import type { AccessGrant, Actor } from '../access/access.service.js';
import { Action } from '../access/actions.js';
import { AppError } from '../common/errors/app-error.js';
import { statusVisible, ThreadAccessService } from '../threads/thread-access.service.js';
import type { ThreadEntity } from '../threads/thread.entity.js';
import type { PostEntity } from './post.entity.js';
import { PostRepository } from './post.repository.js';

const noSuchPost = () => AppError.notFound('No such post.', 'post');

/**
 * Finds a post and asks the access gate about its thread's room. Anything the viewer may not
 * see is "not found", so ids of hidden rooms and held posts reveal nothing.
 */
@Injectable()
export class PostAccessService {
  constructor(
    private readonly threadAccess: ThreadAccessService,
    private readonly posts: PostRepository,
  ) {}

  async post(user: Actor | undefined, postId: string, action: Action = Action.RoomRead): Promise<{ post: PostEntity; grant: AccessGrant; thread: ThreadEntity }> {
    const post = await this.posts.findById(postId);
    if (!post) throw noSuchPost();
    const { grant, thread } = await this.threadAccess.thread(user, post.threadId, action).catch((error: unknown) => {
      throw error instanceof AppError && error.statusCode === 404 ? noSuchPost() : error;
    });
    if (!statusVisible(post.status, post.authorId, user, grant.canModerate) && post.authorId !== user?.id) throw noSuchPost();
    return { post, grant, thread };
  }
}
