import type { ContentWarningCategory, PostStatus, ReactionKind } from '@kindred/contracts';
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
  auto_warnings: ContentWarningCategory[];
  warning_note: string | null;
  status: PostStatus;
  reply_to_post_id: string | null;
  created_at: Date;
  edited_at: Date | null;
  sort_key: string;
}

export const POST_COLUMNS = (alias: string) =>
  `${alias}.id, ${alias}.thread_id, ${alias}.room_id, ${alias}.author_id, ${alias}.body, ${alias}.body_html,
   ${alias}.content_warnings, ${alias}.auto_warnings, ${alias}.warning_note, ${alias}.status, ${alias}.reply_to_post_id,
   ${alias}.created_at, ${alias}.edited_at, ${sortKeySql(`${alias}.created_at`)} AS sort_key`;

/** A reaction kind on one post: how many gave it, and whether the viewer did. */
export interface ReactionCountRow {
  kind: ReactionKind;
  n: number;
  mine: boolean;
}

/** A post with its author's handle (null: the account is gone) and its reactions, in one read. */
export interface PostPageRow extends PostRow {
  author_handle: string | null;
  reactions: ReactionCountRow[] | null;
}

/**
 * Posts chosen by `inner` (a subquery over `posts` aliased `p`, already limited), joined with
 * their authors' handles and reaction counts (LATERAL aggregate, per post of the page only).
 * `viewerParam` is the placeholder of the viewer's id, for `mine`.
 */
export const postPageSql = (inner: string, viewerParam: string) =>
  `SELECT ${POST_COLUMNS('p')}, u.handle AS author_handle, rx.reactions
   FROM (${inner}) p
   LEFT JOIN users u ON u.id = p.author_id
   LEFT JOIN LATERAL (
     SELECT json_agg(json_build_object('kind', k.kind, 'n', k.n, 'mine', k.mine)) AS reactions
     FROM (SELECT r.kind, count(*)::int AS n, coalesce(bool_or(r.user_id = ${viewerParam}), false) AS mine
           FROM reactions r WHERE r.post_id = p.id GROUP BY r.kind) k
   ) rx ON true
   ORDER BY p.created_at, p.id`;

/** What a reply's quoted excerpt needs of the post it answers: its words, warnings, state and author's handle. */
export interface ReplyTargetRow {
  id: string;
  author_id: string;
  author_handle: string | null;
  body: string;
  content_warnings: ContentWarningCategory[];
  auto_warnings: ContentWarningCategory[];
  warning_note: string | null;
  status: PostStatus;
}

export const REPLY_TARGETS_SQL = `SELECT p.id, p.author_id, u.handle AS author_handle, p.body, p.content_warnings, p.auto_warnings, p.warning_note, p.status
   FROM posts p LEFT JOIN users u ON u.id = p.author_id WHERE p.id = ANY($1::uuid[])`;
