import { Injectable } from '@nestjs/common';
import { PostStatus } from '@kindred/contracts';
import { AccessService, type AccessGrant, type Actor } from '../access/access.service.js';
import { Action } from '../access/actions.js';
import { AppError } from '../common/errors/app-error.js';
import type { ThreadEntity } from './thread.entity.js';
import { ThreadRepository, type ReadPosition } from './thread.repository.js';

const noSuchThread = () => AppError.notFound('No such thread.', 'thread');

/** Who may see a thread or post that is not (or no longer) published. */
export function statusVisible(status: PostStatus, authorId: string, user: Actor | undefined, canModerate: boolean): boolean {
  if (status === PostStatus.Published || canModerate) return true;
  return status === PostStatus.Pending && authorId === user?.id;
}

/**
 * Finds a thread and asks the access gate about its room. Anything the viewer may not see
 * is "not found", so ids of hidden rooms and held threads reveal nothing.
 */
@Injectable()
export class ThreadAccessService {
  constructor(
    private readonly access: AccessService,
    private readonly threads: ThreadRepository,
  ) {}

  async thread(user: Actor | undefined, threadId: string, action: Action = Action.RoomRead): Promise<{ thread: ThreadEntity; grant: AccessGrant }> {
    const thread = await this.threads.findById(threadId);
    return { thread: thread!, grant: await this.admit(user, thread, action) };
  }

  /** For reading its pages: the thread, the grant, and where the reader's marker stands. */
  async threadForReader(user: Actor | undefined, threadId: string): Promise<{ thread: ThreadEntity; grant: AccessGrant; seen: ReadPosition | null }> {
    const found = await this.threads.findForReader(threadId, user?.id);
    const grant = await this.admit(user, found?.thread ?? null, Action.RoomRead);
    return { ...found!, grant };
  }

  private async admit(user: Actor | undefined, thread: ThreadEntity | null, action: Action): Promise<AccessGrant> {
    if (!thread) throw noSuchThread();
    const grant = await this.access.require({ user, action, roomId: thread.roomId });
    if (!statusVisible(thread.status, thread.authorId, user, grant.canModerate)) throw noSuchThread();
    return grant;
  }
}
