import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

/** Every query on `room_follows`. */
@Injectable()
export class RoomFollowRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async setFollowed(roomId: string, userId: string, followed: boolean): Promise<void> {
    if (followed) await this.db.query('INSERT INTO room_follows (user_id, room_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [userId, roomId]);
    else await this.db.query('DELETE FROM room_follows WHERE user_id = $1 AND room_id = $2', [userId, roomId]);
  }

  async isFollowing(roomId: string, userId: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query('SELECT 1 FROM room_follows WHERE user_id = $1 AND room_id = $2', [userId, roomId]);
    return rows.length > 0;
  }

  /**
   * The room's followers other than `authorId`, each with whether they still belong to the room
   * (the caller adds site staff, who read every room; anyone else who left hears nothing).
   */
  async followersOf(roomId: string, authorId: string): Promise<{ userId: string; member: boolean }[]> {
    const rows: { user_id: string; member: boolean }[] = await this.db.query(
      `SELECT f.user_id, EXISTS (SELECT 1 FROM room_memberships m WHERE m.room_id = f.room_id AND m.user_id = f.user_id) AS member
         FROM room_follows f WHERE f.room_id = $1 AND f.user_id <> $2`,
      [roomId, authorId],
    );
    return rows.map((r) => ({ userId: r.user_id, member: r.member }));
  }

  /** The rooms the member follows, for their data export. */
  exportFor(userId: string): Promise<unknown[]> {
    return this.db.query('SELECT r.name AS room, f.created_at FROM room_follows f JOIN rooms r ON r.id = f.room_id WHERE f.user_id = $1 ORDER BY f.created_at', [userId]);
  }

  /** Account deletion: the member's room follows go. */
  async forgetUser(userId: string, manager: EntityManager): Promise<void> {
    await manager.query('DELETE FROM room_follows WHERE user_id = $1', [userId]);
  }
}
