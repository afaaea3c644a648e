import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MENTION_CANDIDATES_MAX } from '@kindred/contracts';
import type { DataSource } from 'typeorm';

/** $1 room, $2 LIKE pattern of the lower-cased prefix, $3 the asker. Exported for the query-plan test. */
export const MENTION_CANDIDATES_SQL = `SELECT u.handle FROM room_memberships m JOIN users u ON u.id = m.user_id
  WHERE m.room_id = $1 AND u.handle_key LIKE $2 AND u.id <> $3 AND u.deleted_at IS NULL
    AND (u.mentions_from = 'everyone'
         OR (u.mentions_from = 'rooms' AND EXISTS (SELECT 1 FROM room_memberships mine JOIN room_memberships theirs ON theirs.room_id = mine.room_id
                                                   WHERE mine.user_id = $3 AND theirs.user_id = u.id)))
    AND NOT EXISTS (SELECT 1 FROM blocks b WHERE (b.blocker_id = $3 AND b.blocked_id = u.id) OR (b.blocker_id = u.id AND b.blocked_id = $3))
  ORDER BY u.handle_key
  LIMIT ${MENTION_CANDIDATES_MAX}`;

/**
 * The autocomplete's one statement (asked as the member types, so one round trip): members of
 * the room whose handle starts with the typed letters (a prefix match on `handle_key`, served by
 * its varchar_pattern_ops index), who accept mentions from the asker (MentionAudienceService's
 * setting rule, in SQL), with no block either way, never the asker.
 */
@Injectable()
export class MentionCandidatesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async handles(roomId: string, askerId: string, prefix: string): Promise<string[]> {
    // `_` is a LIKE wildcard and may be typed in a handle: matched literally.
    const pattern = `${prefix.toLowerCase().replace(/[\\_%]/g, (c) => `\\${c}`)}%`;
    const rows: { handle: string }[] = await this.db.query(MENTION_CANDIDATES_SQL, [roomId, pattern, askerId]);
    return rows.map((r) => r.handle);
  }
}
