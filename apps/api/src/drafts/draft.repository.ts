import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ContentWarningCategory, DraftKind } from '@kindred/contracts';
import type { DataSource, EntityManager } from 'typeorm';

export interface DraftRow {
  kind: DraftKind;
  target_id: string;
  title: string | null;
  body: string;
  content_warnings: ContentWarningCategory[];
  none_apply: boolean;
  warning_note: string | null;
  reply_to_post_id: string | null;
  updated_at: Date;
}

export interface DraftContent {
  title: string | null;
  body: string;
  categories: ContentWarningCategory[];
  noneApply: boolean;
  note: string | null;
  replyToPostId: string | null;
}

/** Where a draft belongs: one per member per place. */
export interface DraftPlace {
  userId: string;
  kind: DraftKind;
  targetId: string;
}

const COLUMNS = 'kind, target_id, title, body, content_warnings, none_apply, warning_note, reply_to_post_id, updated_at';

/** Every query on `drafts`. Each one is keyed by the member: no query reads another's draft. */
@Injectable()
export class DraftRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async find(place: DraftPlace): Promise<DraftRow | undefined> {
    const rows = (await this.db.query(`SELECT ${COLUMNS} FROM drafts WHERE user_id = $1 AND kind = $2 AND target_id = $3`, [place.userId, place.kind, place.targetId])) as DraftRow[];
    return rows[0];
  }

  /** Replaces the draft for that place (the newest words win). */
  async save(place: DraftPlace, draft: DraftContent): Promise<DraftRow> {
    const rows = (await this.db.query(
      `INSERT INTO drafts (user_id, kind, target_id, title, body, content_warnings, none_apply, warning_note, reply_to_post_id, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, now())
       ON CONFLICT (user_id, kind, target_id) DO UPDATE SET title = EXCLUDED.title, body = EXCLUDED.body,
         content_warnings = EXCLUDED.content_warnings, none_apply = EXCLUDED.none_apply, warning_note = EXCLUDED.warning_note,
         reply_to_post_id = EXCLUDED.reply_to_post_id, updated_at = now()
       RETURNING ${COLUMNS}`,
      [place.userId, place.kind, place.targetId, draft.title, draft.body, draft.categories, draft.noneApply, draft.note, draft.replyToPostId],
    )) as DraftRow[];
    return rows[0]!;
  }

  /** Discarded, or posted (then inside the post's own transaction, so both happen or neither). */
  async remove(place: DraftPlace, manager?: EntityManager): Promise<void> {
    await (manager ?? this.db).query('DELETE FROM drafts WHERE user_id = $1 AND kind = $2 AND target_id = $3', [place.userId, place.kind, place.targetId]);
  }

  /** Quick exit and account deletion: none of the member's unsent words remain. */
  async forgetUser(userId: string, manager?: EntityManager): Promise<void> {
    await (manager ?? this.db).query('DELETE FROM drafts WHERE user_id = $1', [userId]);
  }

  /** For the member's data export. */
  exportFor(userId: string): Promise<unknown[]> {
    return this.db.query(`SELECT ${COLUMNS} FROM drafts WHERE user_id = $1 ORDER BY updated_at`, [userId]);
  }
}
