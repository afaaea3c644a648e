import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ContentWarningCategory, PostStatus, ReactionKind } from '@kindred/contracts';
import type { DataSource, EntityManager, Repository } from 'typeorm';
import type { NormalizedWarning } from '../common/content-warning.js';
import { groupBy } from '../common/group-by.js';
import { PostRevisionEntity } from './post-revision.entity.js';
import { PreparedQueries } from '../database/prepared-queries.js';
import { POST_COLUMNS, postPageSql, REPLY_TARGETS_SQL, type PostPageRow, type PostRow, type ReplyTargetRow } from './post-row.js';
import { PostEntity } from './post.entity.js';

export interface NewPostRow {
  threadId: string;
  roomId: string;
  authorId: string;
  body: string;
  bodyHtml: string;
  warning: NormalizedWarning;
  replyToPostId: string | null;
  status: PostStatus;
  mentionedUserIds: string[];
}

const INSERT_COLUMNS = '(thread_id, room_id, author_id, body, body_html, content_warnings, warning_note, status, reply_to_post_id, mentioned_user_ids, created_at)';
/** Typed, so the same placeholders serve `VALUES (…)` and `INSERT … SELECT` alike. */
const INSERT_EXPRESSIONS = '$1::uuid, $2::uuid, $3::uuid, $4::text, $5::text, $6::text[], $7::varchar, $8::varchar, $9::uuid, $10::uuid[], clock_timestamp()';
const insertParams = (post: NewPostRow) => [
  post.threadId,
  post.roomId,
  post.authorId,
  post.body,
  post.bodyHtml,
  post.warning.categories,
  post.warning.note,
  post.status,
  post.replyToPostId,
  post.mentionedUserIds,
];
/** An earlier copy of a post (`p`): same thread, author, words and warning, published or held, within the window. */
const sameRecentPost = (thread: string, author: string, body: string, categories: string, note: string, window: string) =>
  `p.thread_id = ${thread}::uuid AND p.author_id = ${author}::uuid AND p.body = ${body}::text AND p.status IN ('published', 'pending')
   AND p.content_warnings = ${categories}::text[] AND p.warning_note IS NOT DISTINCT FROM ${note}::varchar
   AND p.created_at > clock_timestamp() - ${window}::interval`;

export interface PostEdit {
  body: string;
  bodyHtml: string;
  warning: NormalizedWarning;
  mentionedUserIds: string[];
  editedAt: Date;
}

export interface RevisionRow {
  id: string;
  body: string;
  content_warnings: ContentWarningCategory[];
  warning_note: string | null;
  edited_at: Date;
  editor_id: string;
}

/** A post next to a reported one, for the moderator's context. */
export interface NearbyPostRow {
  id: string;
  author_id: string;
  body: string;
  created_at: Date;
}

/**
 * The opening post of each thread: its first post by time, id breaking ties. The one place
 * this is written; everything that asks "is this the opening post?" comes through here.
 */
const OPENING_POSTS_SQL = `SELECT ${POST_COLUMNS('p')} FROM unnest($1::uuid[]) AS thread(id)
  CROSS JOIN LATERAL (SELECT * FROM posts WHERE thread_id = thread.id ORDER BY created_at, id LIMIT 1) p`;

/** Every query on `posts`, `post_revisions` and `reactions`. */
@Injectable()
export class PostRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly prepared: PreparedQueries,
  ) {}

  private repo(manager: EntityManager = this.db.manager): Repository<PostEntity> {
    return manager.getRepository(PostEntity);
  }

  findById(id: string): Promise<PostEntity | null> {
    return this.repo().findOne({ where: { id } });
  }

  async row(id: string): Promise<PostRow | undefined> {
    const [row] = (await this.db.query(`SELECT ${POST_COLUMNS('p')} FROM posts p WHERE p.id = $1`, [id])) as PostRow[];
    return row;
  }

  /** These posts, by id (missing ones left out). */
  async rows(ids: string[]): Promise<Map<string, PostRow>> {
    if (ids.length === 0) return new Map();
    const rows = (await this.db.query(`SELECT ${POST_COLUMNS('p')} FROM posts p WHERE p.id = ANY($1::uuid[])`, [[...new Set(ids)]])) as PostRow[];
    return new Map(rows.map((r) => [r.id, r]));
  }

  /** One post with its author's handle and reactions as `viewerId` sees them (one statement). */
  async pageRow(id: string, viewerId: string | undefined): Promise<PostPageRow | undefined> {
    const [row] = await this.prepared.query<PostPageRow>(postPageSql('SELECT * FROM posts WHERE id = $1', '$2'), [id, viewerId ?? null]);
    return row;
  }

  /** The posts these replies answer (for their quoted excerpts), whatever their state: the reader's view decides. */
  replyTargets(ids: string[]): Promise<ReplyTargetRow[]> {
    return this.prepared.query<ReplyTargetRow>(REPLY_TARGETS_SQL, [ids]);
  }

  /** The opening post of each of these threads, by thread id. */
  async openingPosts(threadIds: string[], manager: EntityManager = this.db.manager): Promise<Map<string, PostRow>> {
    if (threadIds.length === 0) return new Map();
    const rows: PostRow[] = await manager.query(OPENING_POSTS_SQL, [threadIds]);
    return new Map(rows.map((r) => [r.thread_id, r]));
  }

  async openingPost(threadId: string, manager?: EntityManager): Promise<PostRow | undefined> {
    return (await this.openingPosts([threadId], manager)).get(threadId);
  }

  /**
   * A page of a thread, oldest first, with authors and reactions (one prepared statement).
   * Moderators see everything; others see published posts and their own held ones.
   */
  pageRows(threadId: string, viewer: { userId: string | undefined; canModerate: boolean }, after: { at: string; id: string } | undefined, limit: number): Promise<PostPageRow[]> {
    return this.prepared.query<PostPageRow>(
      postPageSql(
        `SELECT * FROM posts p
         WHERE p.thread_id = $1
           AND ($2 OR p.status = 'published' OR (p.status = 'pending' AND p.author_id = $3))
           ${after ? 'AND (p.created_at, p.id) > ($4::timestamptz, $5::uuid)' : ''}
         ORDER BY p.created_at, p.id
         LIMIT ${limit + 1}`,
        '$3',
      ),
      [threadId, viewer.canModerate, viewer.userId ?? null, ...(after ? [after.at, after.id] : [])],
    );
  }

  revisions(postId: string): Promise<RevisionRow[]> {
    return this.db.query(
      `SELECT r.id, r.body, r.content_warnings, r.warning_note, r.edited_at, r.editor_id
       FROM post_revisions r WHERE r.post_id = $1 ORDER BY r.edited_at DESC, r.id DESC`,
      [postId],
    );
  }

  async saveRevision(post: PostEntity, editorId: string, editedAt: Date, manager: EntityManager): Promise<void> {
    await manager.insert(PostRevisionEntity, {
      postId: post.id,
      body: post.body,
      contentWarnings: post.contentWarnings,
      warningNote: post.warningNote,
      editorId,
      editedAt,
    });
  }

  /** Idempotent: reacting twice with the same kind is one reaction. */
  async setReaction(postId: string, userId: string, kind: ReactionKind, on: boolean): Promise<void> {
    if (on) await this.db.query('INSERT INTO reactions (post_id, user_id, kind) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [postId, userId, kind]);
    else await this.db.query('DELETE FROM reactions WHERE post_id = $1 AND user_id = $2 AND kind = $3', [postId, userId, kind]);
  }

  /** Reaction counts per post and kind, and whether the viewer gave each. */
  reactionCounts(postIds: string[], viewerId: string | undefined): Promise<{ post_id: string; kind: ReactionKind; n: number; mine: boolean }[]> {
    return this.db.query(
      `SELECT post_id, kind, count(*)::int AS n, coalesce(bool_or(user_id = $2), false) AS mine
       FROM reactions WHERE post_id = ANY($1::uuid[]) GROUP BY post_id, kind`,
      [postIds, viewerId ?? null],
    );
  }

  /** Hand-written rather than a query builder: every post is written here (create-post's CPU, docs/benchmarks.md). */
  async insert(post: NewPostRow, manager: EntityManager): Promise<string> {
    const [row] = (await manager.query(`INSERT INTO posts AS p ${INSERT_COLUMNS} VALUES (${INSERT_EXPRESSIONS}) RETURNING id`, insertParams(post))) as { id: string }[];
    return row!.id;
  }

  /**
   * A reply, unless it is a resend: the author's latest published or held post in this thread
   * with the same words and warning, written within `window`, is answered instead. One
   * statement (create-post's CPU is mostly its round trips, docs/benchmarks.md); the caller
   * holds the thread's row lock, so an earlier copy has committed before this one looks.
   * The row as written, for the answer, so nothing is read back.
   */
  async insertUnlessResent(post: NewPostRow, window: string, manager: EntityManager): Promise<{ row: PostRow; resent: boolean }> {
    const [row] = (await manager.query(
      `WITH again AS (
         SELECT ${POST_COLUMNS('p')} FROM posts p WHERE ${sameRecentPost('$1', '$3', '$4', '$6', '$7', '$11')} ORDER BY p.created_at DESC LIMIT 1
       ), written AS (
         INSERT INTO posts AS p ${INSERT_COLUMNS} SELECT ${INSERT_EXPRESSIONS} WHERE NOT EXISTS (SELECT 1 FROM again)
         RETURNING ${POST_COLUMNS('p')}
       )
       SELECT *, false AS resent FROM written UNION ALL SELECT *, true AS resent FROM again`,
      [...insertParams(post), window],
    )) as (PostRow & { resent: boolean })[];
    const { resent, ...written } = row!;
    return { row: written, resent };
  }

  /** The author's latest published or held post in this thread with these words and warning, within `window`. */
  async recentSame(threadId: string, authorId: string, body: string, warning: NormalizedWarning, window: string, manager: EntityManager): Promise<string | undefined> {
    const [row] = (await manager.query(`SELECT p.id FROM posts p WHERE ${sameRecentPost('$1', '$2', '$3', '$4', '$5', '$6')} ORDER BY p.created_at DESC LIMIT 1`, [
      threadId,
      authorId,
      body,
      warning.categories,
      warning.note,
      window,
    ])) as { id: string }[];
    return row?.id;
  }

  /** When the author last posted in this room (deleted posts do not count), for slow mode. */
  async lastPostAt(roomId: string, authorId: string, manager: EntityManager): Promise<Date | null> {
    const [last] = (await manager.query(`SELECT max(created_at) AS at FROM posts WHERE room_id = $1 AND author_id = $2 AND status <> 'deleted'`, [roomId, authorId])) as {
      at: Date | null;
    }[];
    return last?.at ?? null;
  }

  /** How many of the author's posts in this room are published, for pre-moderation. */
  async publishedCount(roomId: string, authorId: string, manager: EntityManager): Promise<number> {
    const [row] = (await manager.query(`SELECT count(*)::int AS n FROM posts WHERE room_id = $1 AND author_id = $2 AND status = 'published'`, [roomId, authorId])) as { n: number }[];
    return row?.n ?? 0;
  }

  /** The author of a post in this thread, or undefined when the post is not in it. */
  async authorInThread(postId: string, threadId: string, manager: EntityManager): Promise<string | undefined> {
    const [target] = (await manager.query('SELECT author_id FROM posts WHERE id = $1 AND thread_id = $2', [postId, threadId])) as { author_id: string }[];
    return target?.author_id;
  }

  async update(id: string, edit: PostEdit, manager: EntityManager): Promise<void> {
    await manager.update(PostEntity, { id }, {
      body: edit.body,
      bodyHtml: edit.bodyHtml,
      contentWarnings: edit.warning.categories,
      warningNote: edit.warning.note,
      mentionedUserIds: edit.mentionedUserIds,
      editedAt: edit.editedAt,
    });
  }

  async setStatus(id: string, status: PostStatus, manager: EntityManager): Promise<void> {
    await manager.query('UPDATE posts SET status = $2 WHERE id = $1', [id, status]);
  }

  /** The post's thread, status and time, with its row locked until the transaction ends. */
  async lockForStatusChange(id: string, manager: EntityManager): Promise<{ threadId: string; status: PostStatus; createdAt: Date } | undefined> {
    const [post] = (await manager.query('SELECT thread_id, status, created_at FROM posts WHERE id = $1 FOR UPDATE', [id])) as {
      thread_id: string;
      status: PostStatus;
      created_at: Date;
    }[];
    return post && { threadId: post.thread_id, status: post.status, createdAt: post.created_at };
  }

  async setWarning(id: string, warning: NormalizedWarning, manager: EntityManager): Promise<void> {
    await manager.query('UPDATE posts SET content_warnings = $2, warning_note = $3 WHERE id = $1', [id, warning.categories, warning.note]);
  }

  async setAutoWarnings(id: string, categories: readonly string[], manager: EntityManager): Promise<void> {
    await manager.query('UPDATE posts SET auto_warnings = $2 WHERE id = $1', [id, categories]);
  }

  async threadOf(id: string, manager: EntityManager): Promise<string | undefined> {
    const [row] = (await manager.query('SELECT thread_id FROM posts WHERE id = $1', [id])) as { thread_id: string }[];
    return row?.thread_id;
  }

  /** A thread moved: its posts carry the new room too. */
  async moveThread(threadId: string, roomId: string, manager: EntityManager): Promise<void> {
    await manager.query('UPDATE posts SET room_id = $2 WHERE thread_id = $1', [threadId, roomId]);
  }

  async roomAndAuthor(id: string): Promise<{ roomId: string; authorId: string } | undefined> {
    const [row] = (await this.db.query('SELECT room_id, author_id FROM posts WHERE id = $1', [id])) as { room_id: string; author_id: string }[];
    return row && { roomId: row.room_id, authorId: row.author_id };
  }

  /** Room and thread of each of these posts. */
  async placesOf(ids: string[]): Promise<Map<string, { roomId: string; threadId: string }>> {
    if (ids.length === 0) return new Map();
    const rows: { id: string; room_id: string; thread_id: string }[] = await this.db.query('SELECT id, room_id, thread_id FROM posts WHERE id = ANY($1::uuid[])', [ids]);
    return new Map(rows.map((r) => [r.id, { roomId: r.room_id, threadId: r.thread_id }]));
  }

  /** Up to three posts before and three after `at` in the thread, oldest first. */
  /**
   * The three posts before and the three after each of these posts in its thread, oldest
   * first, by the post they surround (one statement however many posts are asked about).
   */
  async around(postIds: string[]): Promise<Map<string, NearbyPostRow[]>> {
    if (postIds.length === 0) return new Map();
    const rows: (NearbyPostRow & { anchor_id: string })[] = await this.db.query(
      `SELECT a.id AS anchor_id, n.id, n.author_id, n.body, n.created_at
       FROM posts a CROSS JOIN LATERAL (
         (SELECT p.id, p.author_id, p.body, p.created_at FROM posts p
          WHERE p.thread_id = a.thread_id AND p.created_at < a.created_at ORDER BY p.created_at DESC LIMIT 3)
         UNION ALL
         (SELECT p.id, p.author_id, p.body, p.created_at FROM posts p
          WHERE p.thread_id = a.thread_id AND p.created_at > a.created_at ORDER BY p.created_at ASC LIMIT 3)
       ) n
       WHERE a.id = ANY($1::uuid[])
       ORDER BY a.id, n.created_at`,
      [[...new Set(postIds)]],
    );
    return groupBy(rows, (r) => r.anchor_id);
  }

  /** The member's posts, for their data export. */
  exportFor(userId: string): Promise<unknown[]> {
    return this.db.query('SELECT id, thread_id, body, content_warnings, warning_note, status, created_at, edited_at FROM posts WHERE author_id = $1 ORDER BY created_at', [userId]);
  }

  /** Account deletion with erasure: the member's words and their edit history go. */
  async eraseByAuthor(userId: string, manager: EntityManager): Promise<void> {
    await manager.query(`UPDATE posts SET body = '', body_html = '', status = 'deleted' WHERE author_id = $1`, [userId]);
    await manager.query(`DELETE FROM post_revisions WHERE post_id IN (SELECT id FROM posts WHERE author_id = $1)`, [userId]);
  }

  /** Account deletion: the member's reactions go. */
  async forgetUser(userId: string, manager: EntityManager): Promise<void> {
    await manager.query('DELETE FROM reactions WHERE user_id = $1', [userId]);
  }
}
