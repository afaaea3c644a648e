import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { sortKeySql } from '../common/pagination/sort-key.js';

export interface BookmarkRow {
  post_id: string;
  note: string | null;
  created_at: Date;
  /** Full-precision sort key of created_at, for the page cursor. */
  sort_key: string;
}

/** Every query on `bookmarks`. */
@Injectable()
export class BookmarkRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Saves the post, or changes the note of a post already saved (keeping when it was saved). */
  async save(userId: string, postId: string, note: string | null): Promise<void> {
    await this.db.query(
      `INSERT INTO bookmarks (user_id, post_id, note) VALUES ($1, $2, $3)
       ON CONFLICT (user_id, post_id) DO UPDATE SET note = EXCLUDED.note`,
      [userId, postId, note],
    );
  }

  /** True when there was one to remove. */
  async remove(userId: string, postId: string): Promise<boolean> {
    const [, count] = (await this.db.query('DELETE FROM bookmarks WHERE user_id = $1 AND post_id = $2', [userId, postId])) as [unknown, number];
    return count > 0;
  }

  /** Newest first; `after` is the sort key and post id of the last one shown. */
  page(userId: string, after: { at: string; id: string } | undefined, limit: number): Promise<BookmarkRow[]> {
    return this.db.query(
      `SELECT post_id, note, created_at, ${sortKeySql('created_at')} AS sort_key
       FROM bookmarks WHERE user_id = $1 ${after ? 'AND (created_at, post_id) < ($3::timestamptz, $4::uuid)' : ''}
       ORDER BY created_at DESC, post_id DESC LIMIT $2`,
      [userId, limit, ...(after ? [after.at, after.id] : [])],
    );
  }

  /** For the member's data export: what they saved and their notes. */
  exportFor(userId: string): Promise<unknown[]> {
    return this.db.query('SELECT post_id, note, created_at FROM bookmarks WHERE user_id = $1 ORDER BY created_at', [userId]);
  }

  /** Account deletion: nothing of what they saved remains. */
  async forgetUser(userId: string, manager: EntityManager): Promise<void> {
    await manager.query('DELETE FROM bookmarks WHERE user_id = $1', [userId]);
  }
}
