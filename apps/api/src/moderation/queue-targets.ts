import { Injectable } from '@nestjs/common';
import { FORMER_MEMBER_HANDLE, type ContentWarningCategory, type PostStatus, type QueueTargetContext, type ReportTargetType } from '@kindred/contracts';
import { ChatMessageRepository } from '../chat/chat-message.repository.js';
import type { ReportSnapshotMessage } from './report.entity.js';
import { AppError } from '../common/errors/app-error.js';
import { PostRepository } from '../posts/post.repository.js';
import { RoomRepository } from '../rooms/room.repository.js';
import { ThreadRepository } from '../threads/thread.repository.js';
import { UserRepository } from '../users/user.repository.js';

export interface TargetFacts {
  roomId: string | null;
  /** A message in a private conversation: which one (its room is none). */
  conversationId?: string;
  /** The message's place in its conversation (1 is a request's first message). */
  seq?: number;
  /** Whose content or conduct this is. */
  subjectUserId: string;
}

/** Where a reported thing lives: its room, and for a post or thread the thread's facts. */
export interface TargetPlace {
  roomId: string;
  thread: { id: string; title: string; status: PostStatus; authorId: string; contentWarnings: ContentWarningCategory[] } | null;
}

/** One key per reported thing (a post's and a thread's ids never collide, but a kind and an id say what it is). */
export const targetKey = (type: ReportTargetType, id: string) => `${type}:${id}`;

/** What moderators act on and members report, read through the owners' repositories. */
@Injectable()
export class QueueTargets {
  constructor(
    private readonly posts: PostRepository,
    private readonly threads: ThreadRepository,
    private readonly messages: ChatMessageRepository,
    private readonly rooms: RoomRepository,
    private readonly users: UserRepository,
  ) {}

  /** Where a target lives and who it belongs to; 404 when it does not exist. */
  async facts(type: ReportTargetType, id: string): Promise<TargetFacts> {
    if (type === 'message') {
      const message = await this.messages.roomAndAuthor(id);
      if (!message) throw AppError.notFound('No such message.', 'message');
      // A private conversation's message belongs to no room: no room moderator's scope.
      if (message.inConversation) return { roomId: null, conversationId: message.roomId, seq: Number(message.seq), subjectUserId: message.authorId };
      return { roomId: message.roomId, subjectUserId: message.authorId };
    }
    const found =
      type === 'post'
        ? await this.posts.roomAndAuthor(id)
        : type === 'thread'
          ? await this.threads.roomAndAuthor(id)
          : (await this.users.isLive(id))
            ? { roomId: null, authorId: id }
            : undefined;
    if (!found) throw AppError.notFound(`No such ${type}.`, type);
    return { roomId: found.roomId, subjectUserId: found.authorId };
  }

  /** What moderators will see of a reported private conversation: the message and up to ten around it, as now. */
  async snapshot(messageId: string): Promise<ReportSnapshotMessage[]> {
    return (await this.messages.snapshotAround(messageId)).map((r) => ({
      id: r.id,
      author: { id: r.author_id, handle: r.handle ?? FORMER_MEMBER_HANDLE },
      body: r.body,
      createdAt: r.created_at.toISOString(),
    }));
  }

  /** The reported content in its conversation, for the moderator who has to decide. */
  async context(type: ReportTargetType, id: string): Promise<QueueTargetContext> {
    return (await this.contexts([{ type, id }])).get(targetKey(type, id))!;
  }

  /**
   * `context` for a whole queue page, by `targetKey`: a fixed number of statements however
   * many items the page holds (one statement per item per kind of read would flood the pool).
   */
  async contexts(targets: { type: ReportTargetType; id: string }[]): Promise<Map<string, QueueTargetContext>> {
    const ids = (type: ReportTargetType) => targets.filter((t) => t.type === type).map((t) => t.id);
    const [posts, openingPosts, messages] = await Promise.all([this.posts.rows(ids('post')), this.posts.openingPosts(ids('thread')), this.messages.withContext(ids('message'))]);
    const postOf = (type: ReportTargetType, id: string) => (type === 'post' ? posts.get(id) : type === 'thread' ? openingPosts.get(id) : undefined);
    const found = targets.map((t) => postOf(t.type, t.id)).filter((p) => p !== undefined);
    const roomIds = [...found.map((p) => p.room_id), ...[...messages.values()].filter((m) => !m.conversation).map((m) => m.message.room_id)];
    const [threads, roomNames, around] = await Promise.all([this.threads.briefs(found.map((p) => p.thread_id)), this.rooms.namesOf(roomIds), this.posts.around(found.map((p) => p.id))]);
    const handles = await this.users.handles([...ids('member'), ...found.flatMap((p) => [p.author_id, ...(around.get(p.id) ?? []).map((r) => r.author_id)])]);
    const handle = (userId: string) => handles.get(userId)?.handle ?? FORMER_MEMBER_HANDLE;

    const contextOf = ({ type, id }: { type: ReportTargetType; id: string }): QueueTargetContext => {
      const base: QueueTargetContext = { type, id, roomId: null, roomName: null, threadId: null, threadTitle: null, author: null, body: null, warning: null, status: null, context: [] };
      if (type === 'member') {
        const user = handles.get(id);
        return { ...base, author: user ? { id: user.id, handle: user.handle } : null };
      }
      if (type === 'message') {
        const found = messages.get(id);
        if (!found) return base;
        const { message: m, around: nearby, conversation } = found;
        return {
          ...base,
          ...(conversation ? { conversationId: m.room_id } : { roomId: m.room_id, roomName: roomNames.get(m.room_id) ?? null }),
          author: { id: m.author_id, handle: m.handle ?? FORMER_MEMBER_HANDLE },
          body: m.body,
          warning: { categories: m.content_warnings, note: m.warning_note },
          status: m.status,
          context: nearby.map((r) => ({ id: r.id, author: { id: r.author_id, handle: r.handle ?? FORMER_MEMBER_HANDLE }, body: r.body, createdAt: r.created_at.toISOString() })),
        };
      }
      const p = postOf(type, id);
      if (!p) return base;
      return {
        ...base,
        roomId: p.room_id,
        roomName: roomNames.get(p.room_id) ?? null,
        threadId: p.thread_id,
        threadTitle: threads.get(p.thread_id)?.title ?? null,
        author: { id: p.author_id, handle: handle(p.author_id) },
        body: p.body,
        warning: { categories: p.content_warnings, note: p.warning_note },
        status: p.status,
        context: (around.get(p.id) ?? []).map((r) => ({ id: r.id, author: { id: r.author_id, handle: handle(r.author_id) }, body: r.body, createdAt: r.created_at.toISOString() })),
      };
    };
    return new Map(targets.map((t) => [targetKey(t.type, t.id), contextOf(t)]));
  }

  /** The place of each post, thread and message among these targets, by target id (members have none). */
  async places(targets: { type: ReportTargetType; id: string }[]): Promise<Map<string, TargetPlace>> {
    const ids = (type: ReportTargetType) => targets.filter((t) => t.type === type).map((t) => t.id);
    const [posts, messages] = await Promise.all([this.posts.placesOf(ids('post')), this.messages.roomsOf(ids('message'))]);
    const threads = await this.threads.briefs([...ids('thread'), ...[...posts.values()].map((p) => p.threadId)]);
    const result = new Map<string, TargetPlace>();
    const threadPlace = (threadId: string) => {
      const t = threads.get(threadId);
      return t ? { id: threadId, title: t.title, status: t.status, authorId: t.authorId, contentWarnings: t.contentWarnings } : null;
    };
    for (const [id, post] of posts) result.set(id, { roomId: post.roomId, thread: threadPlace(post.threadId) });
    for (const id of ids('thread')) {
      const t = threads.get(id);
      if (t) result.set(id, { roomId: t.roomId, thread: threadPlace(id) });
    }
    for (const [id, roomId] of messages) result.set(id, { roomId, thread: null });
    return result;
  }
}
