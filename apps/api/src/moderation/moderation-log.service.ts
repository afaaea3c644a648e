import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { FORMER_MEMBER_HANDLE, PLACEHOLDER_AUTHOR_ID, UNNAMED_MODERATOR_HANDLE, isAppealableAction, type ModerationLogView } from '@kindred/contracts';
import type { EntityManager, Repository } from 'typeorm';
import { groupBy } from '../common/group-by.js';
import { UserRepository } from '../users/user.repository.js';
import { ModerationLogEntity } from './moderation-log.entity.js';

export interface LogEntry {
  actorId: string;
  roomId: string | null;
  action: string;
  targetType: 'room' | 'thread' | 'post' | 'user' | 'message' | 'join-request' | 'invite' | 'member' | 'sanction' | 'queue-item' | 'site' | 'site-invite';
  targetId: string;
  subjectUserId?: string | null;
  reason: string;
  details?: Record<string, unknown>;
}

export interface LogFilter {
  /** Restrict to these rooms (room moderators); undefined = all (global staff). */
  rooms?: string[];
  roomId?: string;
  moderatorId?: string;
  memberId?: string;
  action?: string;
  from?: Date;
  to?: Date;
  before?: { at: string; id: string };
  limit: number;
}

interface LogRow {
  id: string;
  created_at: Date;
  actor_id: string;
  actor_handle?: string | null;
  room_id: string | null;
  action: string;
  target_type: string;
  target_id: string;
  subject_user_id: string | null;
  subject_handle?: string | null;
  reason: string;
  sort_key: string;
}

/**
 * Entries that are never a decision about the member: an added content warning is an edit that
 * protects readers, and crisis care (logged with no subject at all) is care. Neither counts in
 * a member's history.
 */
const NOT_A_DECISION = `l.action NOT LIKE '%.set-warning'`;

const LOG_COLUMNS = `l.id, l.created_at, l.actor_id, l.room_id, l.action, l.target_type, l.target_id, l.subject_user_id, l.reason,
  to_char(l.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS sort_key`;

const clampLimit = (limit: number) => Math.min(Math.max(Math.trunc(limit), 1), 200);

/** Writes to the append-only moderation log (there is deliberately no update or delete) and reads it. */
@Injectable()
export class ModerationLogService {
  constructor(
    @InjectRepository(ModerationLogEntity) private readonly entries: Repository<ModerationLogEntity>,
    private readonly users: UserRepository,
  ) {}

  /** Pass the transaction's manager so the entry commits (or not) with the action itself. */
  async record(entry: LogEntry, manager?: EntityManager): Promise<string> {
    const repository = manager ? manager.getRepository(ModerationLogEntity) : this.entries;
    const result = await repository.insert({ ...entry, subjectUserId: entry.subjectUserId ?? null, details: (entry.details ?? {}) as never });
    return (result.identifiers[0] as { id: string }).id;
  }

  async search(filter: LogFilter): Promise<{ entries: ModerationLogView[]; last?: { at: string; id: string } }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.rooms) add('l.room_id = ANY(?::uuid[])', filter.rooms);
    if (filter.roomId) add('l.room_id = ?', filter.roomId);
    if (filter.moderatorId) add('l.actor_id = ?', filter.moderatorId);
    if (filter.memberId) add('l.subject_user_id = ?', filter.memberId);
    if (filter.action) add('l.action = ?', filter.action);
    if (filter.from) add('l.created_at >= ?', filter.from);
    if (filter.to) add('l.created_at < ?', filter.to);
    if (filter.before) {
      params.push(filter.before.at, filter.before.id);
      where.push(`(l.created_at, l.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    const rows = await this.rows(where, params, filter.limit);
    const last = rows.at(-1);
    return { entries: rows.map((r) => view(r, true)), last: last && rows.length === filter.limit ? { at: last.sort_key, id: last.id } : undefined };
  }

  /** Everything the log holds about a member (join requests and role changes included), for moderators. */
  async forSubject(userId: string, limit: number): Promise<ModerationLogView[]> {
    return (await this.forSubjects([userId], limit)).get(userId) ?? [];
  }

  /** `forSubject` for many members in one statement (a queue page's subjects), by member id. */
  async forSubjects(userIds: string[], limit: number): Promise<Map<string, ModerationLogView[]>> {
    if (userIds.length === 0) return new Map();
    const entries: LogRow[] = await this.entries.query(
      `SELECT l.* FROM unnest($1::uuid[]) AS subject(id)
       CROSS JOIN LATERAL (
         SELECT ${LOG_COLUMNS} FROM moderation_log l
         WHERE l.subject_user_id = subject.id AND ${NOT_A_DECISION}
         ORDER BY l.created_at DESC, l.id DESC LIMIT ${clampLimit(limit)}
       ) l
       ORDER BY subject.id, l.created_at DESC, l.id DESC`,
      [[...new Set(userIds)]],
    );
    const rows = await this.withHandles(entries);
    return groupBy(
      rows.map((r) => view(r, true)),
      (v) => v.subject!.id,
    );
  }

  /**
   * What the member is shown as decisions about them: actions on them or their content only.
   * A join request's answer or a role change is not a decision about their conduct (the
   * former reaches them as a notification), nor is an added content warning (an edit, told
   * kindly). Moderators are not named to the member.
   */
  async decisionsAbout(userId: string, limit: number): Promise<ModerationLogView[]> {
    const rows = await this.rows([`l.subject_user_id = $1`, `split_part(l.action, '.', 1) IN ('post', 'thread', 'message', 'member')`, NOT_A_DECISION], [userId], limit);
    return rows.map((r) => view(r, false));
  }

  async entry(id: string): Promise<{ id: string; room_id: string | null; action: string; target_type: string; target_id: string; subject_user_id: string | null } | undefined> {
    const [entry] = (await this.entries.query('SELECT id, room_id, action, target_type, target_id, subject_user_id FROM moderation_log WHERE id = $1', [id])) as {
      id: string;
      room_id: string | null;
      action: string;
      target_type: string;
      target_id: string;
      subject_user_id: string | null;
    }[];
    return entry;
  }

  /** The latest ban of this member, if any. */
  async latestBanOf(userId: string): Promise<string | undefined> {
    const [ban] = (await this.entries.query(`SELECT l.id FROM moderation_log l WHERE l.subject_user_id = $1 AND l.action = 'member.ban' ORDER BY l.created_at DESC LIMIT 1`, [userId])) as {
      id: string;
    }[];
    return ban?.id;
  }

  /** Who took the logged action. */
  async actorOf(entryId: string, manager: EntityManager): Promise<string | undefined> {
    const [entry] = (await manager.query('SELECT actor_id FROM moderation_log WHERE id = $1', [entryId])) as { actor_id: string }[];
    return entry?.actor_id;
  }

  private async rows(where: string[], params: unknown[], limit: number): Promise<LogRow[]> {
    const rows: LogRow[] = await this.entries.query(
      `SELECT ${LOG_COLUMNS} FROM moderation_log l
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY l.created_at DESC, l.id DESC LIMIT ${clampLimit(limit)}`,
      params,
    );
    return this.withHandles(rows);
  }

  private async withHandles(rows: LogRow[]): Promise<LogRow[]> {
    const handles = await this.users.handles(rows.flatMap((r) => [r.actor_id, r.subject_user_id]));
    return rows.map((r) => ({ ...r, actor_handle: handles.get(r.actor_id)?.handle ?? null, subject_handle: r.subject_user_id ? (handles.get(r.subject_user_id)?.handle ?? null) : null }));
  }
}

function view(r: LogRow, revealModerator: boolean): ModerationLogView {
  return {
    id: r.id,
    createdAt: r.created_at.toISOString(),
    actor: revealModerator ? { id: r.actor_id, handle: r.actor_handle ?? FORMER_MEMBER_HANDLE } : { id: PLACEHOLDER_AUTHOR_ID, handle: UNNAMED_MODERATOR_HANDLE },
    roomId: r.room_id,
    action: r.action,
    targetType: r.target_type,
    targetId: r.target_id,
    subject: r.subject_user_id ? { id: r.subject_user_id, handle: r.subject_handle ?? FORMER_MEMBER_HANDLE } : null,
    reason: r.reason,
    appealable: r.subject_user_id !== null && isAppealableAction(r.action),
  };
}
