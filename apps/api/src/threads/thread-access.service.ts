import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { PostStatus } from '@kindred/contracts';
import { Repository } from 'typeorm';
import { AccessService, type AccessGrant, type Actor } from '../access/access.service.js';
import { Action } from '../access/actions.js';
import { AppError } from '../common/errors/app-error.js';
import { PostEntity } from '../posts/post.entity.js';
import { ThreadEntity } from './thread.entity.js';

const noSuchThread = () => AppError.notFound('No such thread.');
const noSuchPost = () => AppError.notFound('No such post.');

/** Who may see a thread or post that is not (or no longer) published. */
export function statusVisible(status: PostStatus, authorId: string, user: Actor | undefined, canModerate: boolean): boolean {
  if (status === PostStatus.Published || canModerate) return true;
  return status === PostStatus.Pending && authorId === user?.id;
}

/**
 * Finds a thread or post and asks the access gate about its room. Anything the viewer may
 * not see is "not found", so ids of hidden rooms and held posts reveal nothing.
 */
@Injectable()
export class ThreadAccessService {
  constructor(
    private readonly access: AccessService,
    @InjectRepository(ThreadEntity) private readonly threads: Repository<ThreadEntity>,
    @InjectRepository(PostEntity) private readonly posts: Repository<PostEntity>,
  ) {}

  async thread(user: Actor | undefined, threadId: string, action: Action = Action.RoomRead): Promise<{ thread: ThreadEntity; grant: AccessGrant }> {
    const thread = await this.threads.findOne({ where: { id: threadId } });
    if (!thread) throw noSuchThread();
    const grant = await this.access.require({ user, action, roomId: thread.roomId });
    if (!statusVisible(thread.status, thread.authorId, user, grant.canModerate)) throw noSuchThread();
    return { thread, grant };
  }

  async post(user: Actor | undefined, postId: string, action: Action = Action.RoomRead): Promise<{ post: PostEntity; grant: AccessGrant }> {
    const post = await this.posts.findOne({ where: { id: postId } });
    if (!post) throw noSuchPost();
    const { grant } = await this.thread(user, post.threadId, action).catch((error: unknown) => {
      throw error instanceof AppError && error.statusCode === 404 ? noSuchPost() : error;
    });
    if (!statusVisible(post.status, post.authorId, user, grant.canModerate) && post.authorId !== user?.id) throw noSuchPost();
    return { post, grant };
  }
}
