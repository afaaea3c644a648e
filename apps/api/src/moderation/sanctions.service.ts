import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { Clock } from '../common/clock.js';
import { MemberSanctionEntity, type SanctionKind } from './member-sanction.entity.js';

export interface NewSanction {
  userId: string;
  roomId: string | null;
  kind: SanctionKind;
  reason: string;
  createdBy: string;
  expiresAt: Date | null;
}

/** Mutes, suspensions and bans: stored in PostgreSQL, so every instance enforces them. */
@Injectable()
export class SanctionsService {
  constructor(
    @InjectRepository(MemberSanctionEntity) private readonly sanctions: Repository<MemberSanctionEntity>,
    private readonly clock: Clock,
  ) {}

  /** The sanction that blocks posting in this room right now, the longest-lasting first. */
  async activeFor(userId: string, roomId: string | null): Promise<MemberSanctionEntity | null> {
    return this.sanctions
      .createQueryBuilder('s')
      .where('s.user_id = :userId AND s.lifted_at IS NULL', { userId })
      .andWhere('(s.expires_at IS NULL OR s.expires_at > :now)', { now: this.clock.now() })
      .andWhere(roomId ? `(s.room_id = :roomId OR s.room_id IS NULL)` : 's.room_id IS NULL', { roomId })
      .orderBy('s.expires_at', 'DESC', 'NULLS FIRST')
      .getOne();
  }

  /** Every sanction the member was given, for their export: what, where, why and how long; not which moderator. */
  exportFor(userId: string): Promise<Pick<MemberSanctionEntity, 'kind' | 'roomId' | 'reason' | 'createdAt' | 'expiresAt' | 'liftedAt'>[]> {
    return this.sanctions.find({ where: { userId }, select: { kind: true, roomId: true, reason: true, createdAt: true, expiresAt: true, liftedAt: true }, order: { createdAt: 'ASC' } });
  }

  async impose(sanction: NewSanction, manager?: EntityManager): Promise<string> {
    const [row] = (await (manager ?? this.sanctions.manager).query(
      `INSERT INTO member_sanctions (user_id, room_id, kind, reason, created_by, expires_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [sanction.userId, sanction.roomId, sanction.kind, sanction.reason, sanction.createdBy, sanction.expiresAt],
    )) as { id: string }[];
    return row!.id;
  }

  /** A member's active restrictions, newest first; `rooms` limits them to those rooms. */
  async activeList(userId: string, rooms: string[] | null) {
    const rows: { id: string; room_id: string | null; kind: string; reason: string; created_at: Date; expires_at: Date | null }[] = await this.sanctions.query(
      `SELECT id, room_id, kind, reason, created_at, expires_at FROM member_sanctions
       WHERE user_id = $1 AND lifted_at IS NULL AND (expires_at IS NULL OR expires_at > $2) AND ($3::uuid[] IS NULL OR room_id = ANY($3::uuid[]))
       ORDER BY created_at DESC`,
      [userId, this.clock.now(), rooms],
    );
    return rows.map((r) => ({ id: r.id, roomId: r.room_id, kind: r.kind, reason: r.reason, createdAt: r.created_at.toISOString(), expiresAt: r.expires_at?.toISOString() ?? null }));
  }

  /**
   * Lifts one active restriction of this member; a room moderator may lift only one in the
   * room they were authorised for. False when there is none.
   */
  async lift(sanctionId: string, userId: string, roomId: string | null, liftedBy: string, manager: EntityManager): Promise<boolean> {
    const lifted = (await manager.query(
      `UPDATE member_sanctions SET lifted_at = $3, lifted_by = $4
       WHERE id = $1 AND user_id = $2 AND lifted_at IS NULL AND room_id IS NOT DISTINCT FROM $5 RETURNING id`,
      [sanctionId, userId, this.clock.now(), liftedBy, roomId],
    )) as [unknown[], number];
    return lifted[1] > 0;
  }
}
