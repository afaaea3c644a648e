import { Injectable } from '@nestjs/common';
import { ErrorReason, type DraftView } from '@kindred/contracts';
import { AccessService, type Actor } from '../access/access.service.js';
import { Action } from '../access/actions.js';
import type { AuthContext } from '../auth/auth-context.js';
import { SessionService } from '../auth/session.service.js';
import { AppError } from '../common/errors/app-error.js';
import { ThreadAccessService } from '../threads/thread-access.service.js';
import { DraftRepository, type DraftPlace, type DraftRow } from './draft.repository.js';
import type { DraftParams, SaveDraftDto } from './dto/draft.dto.js';

/**
 * A member's drafts. Reading and saving one asks the gate whether they may post there now, so
 * a draft is never a way to learn about a room or thread they cannot reach; discarding needs
 * no access (a member can always let go of their own words, even after leaving the room).
 */
@Injectable()
export class DraftsService {
  constructor(
    private readonly access: AccessService,
    private readonly threadAccess: ThreadAccessService,
    private readonly drafts: DraftRepository,
    private readonly sessions: SessionService,
  ) {}

  async find(user: Actor, params: DraftParams): Promise<DraftView | null> {
    const place = await this.placeToPost(user, params);
    const row = await this.drafts.find(place);
    return row ? toView(row) : null;
  }

  async save({ user, session }: AuthContext, params: DraftParams, dto: SaveDraftDto): Promise<DraftView> {
    const place = await this.placeToPost(user, params);
    if (params.kind === 'reply' && dto.title) {
      throw AppError.validation('A reply has no title.', [{ field: 'title', problem: 'Only a new thread has a title.' }]);
    }
    if (params.kind === 'thread' && dto.replyToPostId) {
      throw AppError.validation('A new thread does not answer a post.', [{ field: 'replyToPostId', problem: 'Only a reply answers a post.' }], ErrorReason.ReplyOutsidePlace);
    }
    const row = await this.drafts.save(place, {
      title: dto.title ?? null,
      body: dto.body,
      categories: dto.warning?.categories ?? [],
      noneApply: dto.warning?.noneApply ?? false,
      note: dto.warning?.note?.trim() || null,
      replyToPostId: dto.replyToPostId ?? null,
    });
    // Quick exit (or account deletion) may have ended the session while this save was on its
    // way, after it forgot the drafts: then this one must not survive it either.
    if (!(await this.sessions.isLive(session.id))) {
      await this.drafts.remove(place);
      throw AppError.unauthenticated();
    }
    return toView(row);
  }

  async discard(user: Actor, params: DraftParams): Promise<void> {
    await this.drafts.remove({ userId: user.id, ...params });
  }

  /** The gate's room.post for the room, or for the thread's room (a thread the member cannot see is not found). */
  private async placeToPost(user: Actor, params: DraftParams): Promise<DraftPlace> {
    if (params.kind === 'thread') {
      const grant = await this.access.require({ user, action: Action.RoomPost, roomId: params.targetId });
      return { userId: user.id, kind: 'thread', targetId: grant.room!.id };
    }
    const { thread } = await this.threadAccess.thread(user, params.targetId, Action.RoomPost);
    return { userId: user.id, kind: 'reply', targetId: thread.id };
  }
}

const toView = (row: DraftRow): DraftView => ({
  kind: row.kind,
  targetId: row.target_id,
  title: row.title,
  body: row.body,
  warning: { categories: row.content_warnings, ...(row.none_apply ? { noneApply: true } : {}), ...(row.warning_note ? { note: row.warning_note } : {}) },
  replyToPostId: row.reply_to_post_id,
  updatedAt: row.updated_at.toISOString(),
});
