import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { NotificationKind, type NoticeContent, type NotificationView } from '@kindred/contracts';
import { IsNull, type EntityManager, type Repository } from 'typeorm';
import { Clock } from '../common/clock.js';
import { DomainEvents } from '../common/events/domain-events.js';
import { AppError } from '../common/errors/app-error.js';
import { englishNotice } from './notice-english.js';
import { NotificationEntity } from './notification.entity.js';

export interface NewNotification {
  kind: NotificationKind;
  /** What it says, as a code and parameters; the app renders it in the member's language. */
  content: NoticeContent;
  link?: string | null;
  logEntryId?: string | null;
}

/** Private notices to one member. Written in the same transaction as what they describe. */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectRepository(NotificationEntity) private readonly notifications: Repository<NotificationEntity>,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
  ) {}

  async notify(userId: string, notice: NewNotification, manager?: EntityManager): Promise<void> {
    const repository = manager ? manager.getRepository(NotificationEntity) : this.notifications;
    const { code, params } = notice.content;
    const saved = await repository.save(
      repository.create({ userId, kind: notice.kind, code, params, ...englishNotice(notice.content), link: notice.link ?? null, logEntryId: notice.logEntryId ?? null }),
    );
    this.events.emit('notification.created', { userId, notification: toView(saved) });
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

  /** The member's notices, for their data export. */
  exportFor(userId: string): Promise<unknown[]> {
    return this.notifications.query('SELECT kind, code, params, title, body, created_at, read_at FROM notifications WHERE user_id = $1 ORDER BY created_at', [userId]);
  }

  /** Account deletion: the member's notices go. */
  async forgetUser(userId: string, manager: EntityManager): Promise<void> {
    await manager.query('DELETE FROM notifications WHERE user_id = $1', [userId]);
  }
}

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
