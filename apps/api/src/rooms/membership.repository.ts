import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { RoomMembershipEntity } from './room-membership.entity.js';

/** The queries on `room_memberships` and `join_requests` that other features need. */
@Injectable()
export class MembershipRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  find(roomId: string, userId: string): Promise<RoomMembershipEntity | null> {
    return this.db.getRepository(RoomMembershipEntity).findOne({ where: { roomId, userId } });
  }

  /** Rooms where this member is a room moderator. */
  async moderatedRoomIds(userId: string): Promise<string[]> {
    const rows: { room_id: string }[] = await this.db.query(`SELECT room_id FROM room_memberships WHERE user_id = $1 AND role = 'moderator'`, [userId]);
    return rows.map((r) => r.room_id);
  }

  /** The room's moderators (crisis care hands items over to them). */
  async moderatorIdsOf(roomId: string): Promise<string[]> {
    const rows: { user_id: string }[] = await this.db.query(`SELECT user_id FROM room_memberships WHERE room_id = $1 AND role = 'moderator'`, [roomId]);
    return rows.map((r) => r.user_id);
  }

  /** Of these members, the ones who share at least one room with `userId`. */
  async sharingARoomWith(userId: string, candidates: string[], manager: EntityManager = this.db.manager): Promise<Set<string>> {
    if (candidates.length === 0) return new Set();
    const rows: { user_id: string }[] = await manager.query(
      `SELECT DISTINCT theirs.user_id FROM room_memberships mine JOIN room_memberships theirs ON theirs.room_id = mine.room_id
       WHERE mine.user_id = $1 AND theirs.user_id = ANY($2::uuid[])`,
      [userId, candidates],
    );
    return new Set(rows.map((r) => r.user_id));
  }

  /** Of these members, the ones who belong to the room. */
  async membersAmong(roomId: string, candidates: readonly string[]): Promise<Set<string>> {
    if (candidates.length === 0) return new Set();
    const rows: { user_id: string }[] = await this.db.query('SELECT user_id FROM room_memberships WHERE room_id = $1 AND user_id = ANY($2::uuid[])', [roomId, candidates]);
    return new Set(rows.map((r) => r.user_id));
  }

  /** The member's rooms, for their data export. */
  exportFor(userId: string): Promise<unknown[]> {
    return this.db.query('SELECT r.name AS room, m.role, m.joined_at FROM room_memberships m JOIN rooms r ON r.id = m.room_id WHERE m.user_id = $1', [userId]);
  }

  /** Account deletion: memberships and join requests go. */
  async forgetUser(userId: string, manager: EntityManager): Promise<void> {
    await manager.query('DELETE FROM room_memberships WHERE user_id = $1', [userId]);
    await manager.query('DELETE FROM join_requests WHERE user_id = $1', [userId]);
  }
}
