import type { ContentWarningCategory, PostStatus } from '@kindred/contracts';
import { sortKeySql } from '../common/pagination/sort-key.js';

/** A post as raw SQL returns it (snake_case), plus its full-precision sort key. */
export interface PostRow {
  id: string;
  thread_id: string;
  room_id: string;
  author_id: string;
  body: string;
  body_html: string;
  content_warnings: ContentWarningCategory[];
  warning_note: string | null;
  status: PostStatus;
  reply_to_post_id: string | null;
  created_at: Date;
  edited_at: Date | null;
  sort_key: string;
}

export const POST_COLUMNS = (alias: string) =>
  `${alias}.id, ${alias}.thread_id, ${alias}.room_id, ${alias}.author_id, ${alias}.body, ${alias}.body_html,
   ${alias}.content_warnings, ${alias}.warning_note, ${alias}.status, ${alias}.reply_to_post_id,
   ${alias}.created_at, ${alias}.edited_at, ${sortKeySql(`${alias}.created_at`)} AS sort_key`;
