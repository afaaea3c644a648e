import type { QueueTargetContext, ReportTargetType } from '@kindred/contracts';
import type { EntityManager } from 'typeorm';
import { AppError } from '../common/errors/app-error.js';

export interface TargetFacts {
  roomId: string | null;
  /** Whose content or conduct this is. */
  subjectUserId: string;
}

const FORMER = 'former member';

/** Where a target lives and who it belongs to; 404 when it does not exist. */
export async function targetFacts(manager: EntityManager, type: ReportTargetType, id: string): Promise<TargetFacts> {
  const sql: Record<ReportTargetType, string> = {
    post: 'SELECT room_id, author_id AS subject FROM posts WHERE id = $1',
    thread: 'SELECT room_id, author_id AS subject FROM threads WHERE id = $1',
    message: 'SELECT room_id, author_id AS subject FROM chat_messages WHERE id = $1',
    member: 'SELECT NULL::uuid AS room_id, id AS subject FROM users WHERE id = $1 AND deleted_at IS NULL',
  };
  const [row] = (await manager.query(sql[type], [id])) as { room_id: string | null; subject: string }[];
  if (!row) throw AppError.notFound(`No such ${type}.`);
  return { roomId: row.room_id, subjectUserId: row.subject };
}

/** The reported content in its conversation, for the moderator who has to decide. */
export async function targetContext(manager: EntityManager, type: ReportTargetType, id: string): Promise<QueueTargetContext> {
  const base: QueueTargetContext = { type, id, roomId: null, roomName: null, threadId: null, threadTitle: null, author: null, body: null, warning: null, status: null, context: [] };
  if (type === 'member') {
    const [u] = (await manager.query('SELECT id, handle FROM users WHERE id = $1', [id])) as { id: string; handle: string }[];
    return { ...base, author: u ? { id: u.id, handle: u.handle } : null };
  }
  if (type === 'message') {
    const [m] = (await manager.query(
      `SELECT m.room_id, r.name AS room_name, m.author_id, u.handle, m.body, m.content_warnings, m.warning_note, m.status, m.seq
       FROM chat_messages m JOIN rooms r ON r.id = m.room_id LEFT JOIN users u ON u.id = m.author_id WHERE m.id = $1`,
      [id],
    )) as { room_id: string; room_name: string; author_id: string; handle: string | null; body: string; content_warnings: string[]; warning_note: string | null; status: string; seq: string }[];
    if (!m) return base;
    const around = (await manager.query(
      `SELECT m.id, m.author_id, u.handle, m.body, m.created_at FROM chat_messages m LEFT JOIN users u ON u.id = m.author_id
       WHERE m.room_id = $1 AND m.seq BETWEEN $2::bigint - 5 AND $2::bigint + 5 ORDER BY m.seq`,
      [m.room_id, m.seq],
    )) as ContextRow[];
    return {
      ...base,
      roomId: m.room_id,
      roomName: m.room_name,
      author: { id: m.author_id, handle: m.handle ?? FORMER },
      body: m.body,
      warning: { categories: m.content_warnings as never, note: m.warning_note },
      status: m.status,
      context: around.map(toContext),
    };
  }
  const postId = type === 'post' ? id : ((await manager.query('SELECT id FROM posts WHERE thread_id = $1 ORDER BY created_at, id LIMIT 1', [id])) as { id: string }[])[0]?.id;
  if (!postId) return base;
  const [p] = (await manager.query(
    `SELECT p.room_id, r.name AS room_name, p.thread_id, t.title, p.author_id, u.handle, p.body, p.content_warnings, p.warning_note, p.status, p.created_at
     FROM posts p JOIN threads t ON t.id = p.thread_id JOIN rooms r ON r.id = p.room_id LEFT JOIN users u ON u.id = p.author_id WHERE p.id = $1`,
    [postId],
  )) as { room_id: string; room_name: string; thread_id: string; title: string; author_id: string; handle: string | null; body: string; content_warnings: string[]; warning_note: string | null; status: string; created_at: Date }[];
  if (!p) return base;
  const around = (await manager.query(
    `(SELECT p.id, p.author_id, u.handle, p.body, p.created_at FROM posts p LEFT JOIN users u ON u.id = p.author_id
      WHERE p.thread_id = $1 AND p.created_at < $2 ORDER BY p.created_at DESC LIMIT 3)
     UNION ALL
     (SELECT p.id, p.author_id, u.handle, p.body, p.created_at FROM posts p LEFT JOIN users u ON u.id = p.author_id
      WHERE p.thread_id = $1 AND p.created_at > $2 ORDER BY p.created_at ASC LIMIT 3)`,
    [p.thread_id, p.created_at],
  )) as ContextRow[];
  return {
    ...base,
    type,
    roomId: p.room_id,
    roomName: p.room_name,
    threadId: p.thread_id,
    threadTitle: p.title,
    author: { id: p.author_id, handle: p.handle ?? FORMER },
    body: p.body,
    warning: { categories: p.content_warnings as never, note: p.warning_note },
    status: p.status,
    context: around.sort((a, b) => a.created_at.getTime() - b.created_at.getTime()).map(toContext),
  };
}

interface ContextRow {
  id: string;
  author_id: string;
  handle: string | null;
  body: string;
  created_at: Date;
}

const toContext = (r: ContextRow) => ({ id: r.id, author: { id: r.author_id, handle: r.handle ?? FORMER }, body: r.body, createdAt: r.created_at.toISOString() });
