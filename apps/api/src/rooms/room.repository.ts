import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { JoinRequestStatus, RoomVisibility, type RoomRole } from '@kindred/contracts';
import type { DataSource, EntityManager, Repository } from 'typeorm';
import { isUuid } from '../common/pagination/cursor.js';
import { RoomEntity } from './room.entity.js';

/** Every query on `rooms` that other features need, and the room directory's. */
@Injectable()
export class RoomRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private repo(manager: EntityManager = this.db.manager): Repository<RoomEntity> {
    return manager.getRepository(RoomEntity);
  }

  /** By id, or by slug (any case). */
  findByIdOrSlug(idOrSlug: string): Promise<RoomEntity | null> {
    return this.repo().findOne({ where: isUuid(idOrSlug) ? { id: idOrSlug } : { slug: String(idOrSlug).toLowerCase() } });
  }

  /** The id of a room given by id or slug (exact slug, as typed). */
  async idOf(idOrSlug: string, manager?: EntityManager): Promise<string | undefined> {
    const [room] = (await this.repo(manager).query('SELECT id FROM rooms WHERE id::text = $1 OR slug = $1', [idOrSlug])) as { id: string }[];
    return room?.id;
  }

  /** These rooms' names, by id. */
  async namesOf(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = (await this.db.query('SELECT id, name FROM rooms WHERE id = ANY($1::uuid[])', [[...new Set(ids)]])) as { id: string; name: string }[];
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** Listed rooms, plus (for members) the hidden rooms they belong to, or all (staff). */
  visibleTo(viewer: { id: string; staff: boolean } | undefined): Promise<RoomEntity[]> {
    const query = this.repo().createQueryBuilder('r').orderBy('r.name', 'ASC');
    // Archived rooms leave the directory; staff still see them, to restore or read them.
    if (!viewer?.staff) query.where('r.archived_at IS NULL');
    if (!viewer) query.andWhere('r.visibility = :listed', { listed: RoomVisibility.Listed });
    else if (!viewer.staff) {
      query.andWhere('(r.visibility = :listed OR EXISTS (SELECT 1 FROM room_memberships m WHERE m.room_id = r.id AND m.user_id = :uid))', {
        listed: RoomVisibility.Listed,
        uid: viewer.id,
      });
    }
    return query.getMany();
  }

  /** The viewer's place in every room: roles, and rooms with a pending join request. */
  async placesOf(userId: string): Promise<{ roles: Map<string, RoomRole>; pending: Set<string> }> {
    const [memberships, pending] = await Promise.all([
      this.db.query('SELECT room_id, role FROM room_memberships WHERE user_id = $1', [userId]) as Promise<{ room_id: string; role: RoomRole }[]>,
      this.db.query(`SELECT room_id FROM join_requests WHERE user_id = $1 AND status = 'pending'`, [userId]) as Promise<{ room_id: string }[]>,
    ]);
    return { roles: new Map(memberships.map((m) => [m.room_id, m.role])), pending: new Set(pending.map((p) => p.room_id)) };
  }

  async memberCount(roomId: string): Promise<number> {
    const [row] = (await this.db.query('SELECT count(*)::int AS n FROM room_memberships WHERE room_id = $1', [roomId])) as { n: number }[];
    return row?.n ?? 0;
  }

  async hasPendingRequest(roomId: string, userId: string): Promise<boolean> {
    const [row] = (await this.db.query('SELECT 1 FROM join_requests WHERE room_id = $1 AND user_id = $2 AND status = $3', [roomId, userId, JoinRequestStatus.Pending])) as unknown[];
    return !!row;
  }

  create(values: Partial<RoomEntity>): Promise<RoomEntity> {
    return this.repo().save(this.repo().create(values));
  }

  async setArchivedAt(id: string, at: Date | null): Promise<void> {
    await this.repo().update({ id }, { archivedAt: at });
  }

  save(room: RoomEntity): Promise<RoomEntity> {
    return this.repo().save(room);
  }

  /** Inserts rooms whose slug is free; existing ones are left alone. */
  async insertIfAbsent(rooms: Partial<RoomEntity>[], manager: EntityManager): Promise<void> {
    await manager.createQueryBuilder().insert().into(RoomEntity).values(rooms).orIgnore().execute();
  }
}
