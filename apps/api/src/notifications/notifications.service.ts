import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { NotificationKind, type NoticeContent, type NotificationView } from '@kindred/contracts';
import { In, IsNull, type EntityManager, type Repository } from 'typeorm';
import { Clock } from '../common/clock.js';
import { DomainEvents } from '../common/events/domain-events.js';
import { AppError } from '../common/errors/app-error.js';
import { afterCommit } from '../database/after-commit.js';
import { EntityRows } from '../database/entity-rows.js';
import { englishNotice } from './notice-english.js';
import { NotificationEntity } from './notification.entity.js';
import { NotificationSettingsService } from './notification-settings.service.js';
import { WITHDRAW_POST_MENTIONS_SQL, WITHDRAW_THREAD_NOTICES_SQL } from './withdraw.sql.js';

export interface NewNotification {
  kind: NotificationKind;
  /** What it says, as a code and parameters; the app renders it in the member's language. */
  content: NoticeContent;
  link?: string | null;
  logEntryId?: string | null;
}

/** Kinds batched into one unread notice per member and link, whose count grows (a partial unique index each). */
type BatchedKind = typeof NotificationKind.Reply | typeof NotificationKind.RoomThread;

/**
 * Private notices to one member. Written in the same transaction as what they describe. Every
 * notice passes the member's notification settings here, so a kind they switched off is never
 * written nor pushed live.
 */
@Injectable()
export class NotificationsService {
  /** Notices read back from the statement that writes them (a batch), as entities. */
  private readonly rows: EntityRows<NotificationEntity>;

  constructor(
    @InjectRepository(NotificationEntity) private readonly notifications: Repository<NotificationEntity>,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
    private readonly settings: NotificationSettingsService,
  ) {
    this.rows = new EntityRows(notifications.manager.connection, NotificationEntity, 'n');
  }

  async notify(userId: string, notice: NewNotification, manager?: EntityManager): Promise<void> {
    if ((await this.settings.audience(notice.kind, [userId], manager)).length === 0) return;
    const repository = manager ? manager.getRepository(NotificationEntity) : this.notifications;
    const { code, params } = notice.content;
    const saved = await repository.save(
      repository.create({ userId, kind: notice.kind, code, params, ...englishNotice(notice.content), link: notice.link ?? null, logEntryId: notice.logEntryId ?? null }),
    );
    const notification = toView(saved);
    // Pushed once it is committed: the app reads its notices back when one arrives.
    afterCommit(manager, () => this.events.emit('notification.created', { userId, notification }));
  }

  /** Each member's unread reply notice for the thread, by when its latest reply was written. */
  async openReplyBatches(userIds: readonly string[], threadId: string): Promise<Map<string, Date>> {
    if (userIds.length === 0) return new Map();
    const rows: { user_id: string; created_at: Date }[] = await this.notifications.query(
      `SELECT user_id, created_at FROM notifications WHERE user_id = ANY($1::uuid[]) AND kind = '${NotificationKind.Reply}' AND link = $2 AND read_at IS NULL`,
      [userIds, threadLink(threadId)],
    );
    return new Map(rows.map((r) => [r.user_id, r.created_at]));
  }

  /**
   * A new reply in a followed thread: each member gets one unread reply notice per thread, and a
   * reply while it is unread raises its count (and brings it to the top) instead of adding one.
   * Reading the notice ends the batch; so does reading the thread past it: `ended` are members
   * who did, whose notice is marked read here so this reply starts a new one. A notice is dated
   * by the latest reply it covers (`replyAt`), for comparing with read markers.
   */
  async batchReply(userIds: readonly string[], threadId: string, threadTitle: string, replyAt: Date, ended: readonly string[] = []): Promise<void> {
    const link = threadLink(threadId);
    if (ended.length) await this.notifications.update({ userId: In([...ended]), kind: NotificationKind.Reply, link, readAt: IsNull() }, { readAt: this.clock.now() });
    await this.batch(NotificationKind.Reply, userIds, link, { code: 'reply.new', params: { threadTitle, count: 1 } }, replyAt);
  }

  /** A new thread in a followed room: one unread notice per member and room, a new thread while it is unread raises its count. */
  async batchRoomThread(userIds: readonly string[], roomSlug: string, roomName: string, startedAt: Date): Promise<void> {
    await this.batch(NotificationKind.RoomThread, userIds, `/rooms/${roomSlug}`, { code: 'room-thread.new', params: { roomName, count: 1 } }, startedAt);
  }

  /** Adds one to each member's unread `kind` notice for `link`, or starts one (count 1), then pushes it live. */
  private async batch(kind: BatchedKind, userIds: readonly string[], link: string, content: NoticeContent & { params: { count: number } }, at: Date): Promise<void> {
    const audience = await this.settings.audience(kind, userIds);
    if (audience.length === 0) return;
    const { title, body } = englishNotice(content);
    const rows: Record<string, unknown>[] = await this.notifications.query(
      `INSERT INTO notifications AS "n" (user_id, kind, code, params, title, body, link, created_at)
       SELECT u, $2, $3, $4::jsonb, $5, $6, $7, $8 FROM unnest($1::uuid[]) AS u
       ON CONFLICT (user_id, link) WHERE kind = '${kind}' AND read_at IS NULL
       DO UPDATE SET params = EXCLUDED.params || jsonb_build_object('count', (n.params->>'count')::int + 1),
                     title = EXCLUDED.title, body = EXCLUDED.body, created_at = GREATEST(n.created_at, EXCLUDED.created_at)
       RETURNING ${this.rows.select}`,
      [audience, kind, content.code, JSON.stringify(content.params), title, body, link, at],
    );
    // A batched notice keeps its id: the app replaces the one it shows rather than adding another.
    for (const n of rows.map((row) => this.rows.from(row)!)) this.events.emit('notification.created', { userId: n.userId, notification: toView(n) });
  }

  async list(userId: string): Promise<NotificationView[]> {
    const rows = await this.notifications.find({ where: { userId }, order: { createdAt: 'DESC' }, take: 100 });
    return rows.map(toView);
  }

  async markRead(userId: string, id: string): Promise<void> {
    const result = await this.notifications.update({ id, userId }, { readAt: this.clock.now() });
    if (!result.affected) throw AppError.notFound('No such notification.', 'notification');
  }

  async markAllRead(userId: string): Promise<void> {
    await this.notifications.update({ userId, readAt: IsNull() }, { readAt: this.clock.now() });
  }

  /**
   * A thread or post a moderator hid or removed: the reply and mention notices that point at it
   * go, read or not, so its title or words stop reaching members through their notices.
   * `postId` absent: the whole thread, mentions in any of its posts included.
   */
  async withdrawAbout(threadId: string, postId: string | undefined, manager: EntityManager): Promise<void> {
    if (postId) await manager.query(WITHDRAW_POST_MENTIONS_SQL, [threadLink(threadId), postId]);
    else await manager.query(WITHDRAW_THREAD_NOTICES_SQL, [threadLink(threadId)]);
  }

  /** The member's notices, for their data export. */
  exportFor(userId: string): Promise<unknown[]> {
    return this.notifications.query('SELECT kind, code, params, title, body, created_at, read_at FROM notifications WHERE user_id = $1 ORDER BY created_at', [userId]);
  }

  /** Account deletion: the member's notices go. */
  async forgetUser(userId: string, manager: EntityManager): Promise<void> {
    await manager.query('DELETE FROM notifications WHERE user_id = $1', [userId]);
  }
}

const threadLink = (threadId: string) => `/threads/${threadId}`;

function toView(n: NotificationEntity): NotificationView {
  const kind = n.kind as NotificationKind;
  return {
    id: n.id,
    kind,
    ...({ code: n.code, params: n.params } as NoticeContent),
    title: n.title,
    body: n.body,
    link: n.link,
    createdAt: n.createdAt.toISOString(),
    read: !!n.readAt,
    appealable: !!n.logEntryId && kind === NotificationKind.ModerationAction,
    logEntryId: n.logEntryId,
  };
}
