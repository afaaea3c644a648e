import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ErrorCode,
  QueueItemKind,
  QueueItemStatus,
  Role,
  type ModerationLogView,
  type QueueItemView,
  type ReportTargetType,
} from '@kindred/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../access/access.service.js';
import { Clock } from '../common/clock.js';
import { DomainEvents } from '../common/events/domain-events.js';
import { AppError } from '../common/errors/app-error.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { ModerationLogService } from './moderation-log.service.js';
import { QueueItemEntity } from './queue-item.entity.js';
import { targetContext } from './queue-targets.js';

export interface RaiseItem {
  kind: QueueItemKind;
  severity: number;
  roomId: string | null;
  targetType: ReportTargetType;
  targetId: string;
  subjectUserId: string | null;
  appealOfLogId?: string;
  appealMessage?: string;
}

const OPEN_STATES: QueueItemStatus[] = [QueueItemStatus.Open, QueueItemStatus.Claimed];

/**
 * The moderation queue. Items on the same target merge while open; every change is
 * announced so open moderator dashboards update live.
 */
@Injectable()
export class QueueService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly log: ModerationLogService,
    private readonly notifications: NotificationsService,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
  ) {}

  /** Adds an item, or joins the open one for the same target (raising its severity if needed). */
  async raise(item: RaiseItem, manager: EntityManager): Promise<QueueItemEntity> {
    const repo = manager.getRepository(QueueItemEntity);
    if (item.kind !== QueueItemKind.Appeal) {
      // Serialises concurrent reports on one target so they merge instead of racing.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`queue:${item.kind}:${item.targetType}:${item.targetId}`]);
      const open = await repo
        .createQueryBuilder('q')
        .where('q.kind = :kind AND q.target_type = :type AND q.target_id = :id AND q.status IN (:...states)', {
          kind: item.kind,
          type: item.targetType,
          id: item.targetId,
          states: OPEN_STATES,
        })
        .getOne();
      if (open) {
        if (item.severity > open.severity) await repo.update({ id: open.id }, { severity: item.severity });
        return open;
      }
    }
    const created = await repo.save(repo.create({ ...item, appealOfLogId: item.appealOfLogId ?? null, appealMessage: item.appealMessage ?? null }));
    this.announce(created);
    return created;
  }

  announce(item: QueueItemEntity): void {
    this.events.emit('queue.updated', {
      itemId: item.id,
      roomId: item.roomId,
      kind: item.kind,
      status: item.status,
      severity: item.severity,
      claimedBy: item.claimedBy,
    });
  }

  /** Rooms this moderator works in; `null` means everywhere (global moderators and admins). */
  async moderatedRooms(actor: Actor): Promise<string[] | null> {
    if (actor.role !== Role.Member) return null;
    const rows: { room_id: string }[] = await this.db.query(`SELECT room_id FROM room_memberships WHERE user_id = $1 AND role = 'moderator'`, [actor.id]);
    return rows.map((r) => r.room_id);
  }

  async list(actor: Actor, statuses: QueueItemStatus[] = OPEN_STATES): Promise<QueueItemView[]> {
    const rooms = await this.moderatedRooms(actor);
    if (rooms && rooms.length === 0) throw AppError.forbidden('The moderation queue is for moderators.');
    const items: QueueItemEntity[] = await this.db
      .getRepository(QueueItemEntity)
      .createQueryBuilder('q')
      .where('q.status IN (:...statuses)', { statuses })
      .andWhere(rooms ? 'q.room_id IN (:...rooms)' : 'TRUE', { rooms })
      .orderBy('q.severity', 'DESC')
      .addOrderBy('q.created_at', 'ASC')
      .take(100)
      .getMany();
    return Promise.all(items.map((item) => this.view(item)));
  }

  async get(actor: Actor, id: string): Promise<{ item: QueueItemEntity; view: QueueItemView }> {
    const item = await this.requireItem(actor, id);
    return { item, view: await this.view(item) };
  }

  /** The item, if this moderator may work on it; otherwise 404 (or 403 for members). */
  async requireItem(actor: Actor, id: string, manager: EntityManager = this.db.manager): Promise<QueueItemEntity> {
    const rooms = await this.moderatedRooms(actor);
    if (rooms && rooms.length === 0) throw AppError.forbidden('The moderation queue is for moderators.');
    const item = await manager.getRepository(QueueItemEntity).findOne({ where: { id } });
    if (!item || (rooms && (!item.roomId || !rooms.includes(item.roomId)))) throw AppError.notFound('No such queue item.');
    return item;
  }

  async claim(actor: Actor, id: string, claim: boolean): Promise<QueueItemView> {
    const item = await this.requireItem(actor, id);
    if (!OPEN_STATES.includes(item.status)) throw new AppError(HttpStatus.CONFLICT, ErrorCode.AlreadyDecided, 'This item has already been decided.');
    if (claim && item.claimedBy && item.claimedBy !== actor.id) throw new AppError(HttpStatus.CONFLICT, ErrorCode.Conflict, 'Another moderator has claimed this item.');
    Object.assign(item, claim
      ? { status: QueueItemStatus.Claimed, claimedBy: actor.id, claimedAt: this.clock.now() }
      : { status: QueueItemStatus.Open, claimedBy: null, claimedAt: null });
    await this.db.getRepository(QueueItemEntity).save(item);
    this.announce(item);
    return this.view(item);
  }

  async addNote(actor: Actor, id: string, body: string): Promise<QueueItemView> {
    const item = await this.requireItem(actor, id);
    await this.db.query('INSERT INTO queue_notes (queue_item_id, author_id, body) VALUES ($1, $2, $3)', [id, actor.id, body.trim()]);
    return this.view(item);
  }

  /**
   * Closes an item (resolved with an action, or dismissed) and tells each reporter the
   * outcome. Appeals must be decided by someone other than the moderator who acted.
   */
  async close(actor: Actor, item: QueueItemEntity, status: 'resolved' | 'dismissed', resolution: string, outcomeForReporters: string | undefined, manager: EntityManager): Promise<void> {
    if (!OPEN_STATES.includes(item.status)) throw new AppError(HttpStatus.CONFLICT, ErrorCode.AlreadyDecided, 'This item has already been decided.');
    if (item.kind === QueueItemKind.Appeal && item.appealOfLogId) {
      const [original] = (await manager.query('SELECT actor_id FROM moderation_log WHERE id = $1', [item.appealOfLogId])) as { actor_id: string }[];
      if (original?.actor_id === actor.id) {
        throw new AppError(HttpStatus.FORBIDDEN, ErrorCode.SameModerator, 'An appeal must be decided by a different moderator than the one who acted.');
      }
    }
    const outcome = outcomeForReporters?.trim() || (status === 'dismissed' ? 'A moderator looked at this and decided no action was needed.' : 'A moderator looked at this and took action. Thank you for telling us.');
    Object.assign(item, { status, resolvedBy: actor.id, resolvedAt: this.clock.now(), resolution: resolution.slice(0, 500), outcomeForReporters: outcome.slice(0, 500) });
    await manager.getRepository(QueueItemEntity).save(item);
    const reporters: { reporter_id: string }[] = await manager.query('SELECT DISTINCT reporter_id FROM reports WHERE queue_item_id = $1', [item.id]);
    for (const { reporter_id } of reporters) {
      await this.notifications.notify(reporter_id, { kind: 'report-outcome', title: 'About your report', body: outcome }, manager);
    }
    if (item.kind === QueueItemKind.Appeal && item.subjectUserId) {
      await this.notifications.notify(item.subjectUserId, {
        kind: 'appeal-outcome',
        title: 'Your appeal was reviewed',
        body: status === 'dismissed' ? `A different moderator reviewed your appeal and kept the decision. ${resolution}` : `A different moderator reviewed your appeal: ${resolution}`,
      }, manager);
    }
    this.announce(item);
  }

  async dismiss(actor: Actor, item: QueueItemEntity, reason: string, outcomeForReporters?: string): Promise<void> {
    await this.db.transaction((manager) => this.close(actor, item, 'dismissed', reason.trim(), outcomeForReporters, manager));
  }

  /** A member's active restrictions, limited to the rooms a room moderator works in. */
  async sanctionsOf(userId: string, rooms: string[] | null) {
    const rows: { id: string; room_id: string | null; kind: string; reason: string; created_at: Date; expires_at: Date | null }[] = await this.db.query(
      `SELECT id, room_id, kind, reason, created_at, expires_at FROM member_sanctions
       WHERE user_id = $1 AND lifted_at IS NULL AND (expires_at IS NULL OR expires_at > $2) AND ($3::uuid[] IS NULL OR room_id = ANY($3::uuid[]))
       ORDER BY created_at DESC`,
      [userId, this.clock.now(), rooms],
    );
    return rows.map((r) => ({ id: r.id, roomId: r.room_id, kind: r.kind, reason: r.reason, createdAt: r.created_at.toISOString(), expiresAt: r.expires_at?.toISOString() ?? null }));
  }

  private async view(item: QueueItemEntity): Promise<QueueItemView> {
    const manager = this.db.manager;
    const [target, reports, notes, claimer, history] = await Promise.all([
      targetContext(manager, item.targetType, item.targetId),
      manager.query(
        `SELECT r.category, r.note, r.created_at, u.id, u.handle FROM reports r JOIN users u ON u.id = r.reporter_id WHERE r.queue_item_id = $1 ORDER BY r.created_at`,
        [item.id],
      ) as Promise<{ category: never; note: string | null; created_at: Date; id: string; handle: string }[]>,
      manager.query(
        `SELECT n.body, n.created_at, u.id, u.handle FROM queue_notes n JOIN users u ON u.id = n.author_id WHERE n.queue_item_id = $1 ORDER BY n.created_at`,
        [item.id],
      ) as Promise<{ body: string; created_at: Date; id: string; handle: string }[]>,
      item.claimedBy ? (manager.query('SELECT id, handle FROM users WHERE id = $1', [item.claimedBy]) as Promise<{ id: string; handle: string }[]>) : Promise.resolve([]),
      item.subjectUserId ? this.log.forSubject(item.subjectUserId, 10) : Promise.resolve([] as ModerationLogView[]),
    ]);
    return {
      id: item.id,
      kind: item.kind,
      severity: item.severity as QueueItemView['severity'],
      status: item.status,
      roomId: item.roomId,
      target,
      reports: reports.map((r) => ({ category: r.category, note: r.note, reporter: { id: r.id, handle: r.handle }, createdAt: r.created_at.toISOString() })),
      claimedBy: claimer[0] ?? null,
      notes: notes.map((n) => ({ author: { id: n.id, handle: n.handle }, body: n.body, createdAt: n.created_at.toISOString() })),
      history,
      createdAt: item.createdAt.toISOString(),
      resolution: item.resolution,
    };
  }
}
