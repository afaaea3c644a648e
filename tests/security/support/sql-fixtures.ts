import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { SessionService } from '../../../apps/api/src/auth/session.service.js';
import type { TestApp } from '../../support/test-app.js';

/**
 * Direct SQL for throwaway fixtures (a fresh post, queue item, invite… per matrix cell).
 * Only for setting the scene: every request under test goes through the real app.
 */
export class SqlFixtures {
  private passwordHash?: string;
  private counter = 0;

  constructor(private readonly t: TestApp) {}

  private async one<T>(sql: string, params: unknown[]): Promise<T> {
    const rows = await this.t.query<T>(sql, params);
    return rows[0]!;
  }

  /** The argon2 hash of GOOD_PASSWORD, borrowed from an account registered over HTTP. */
  usePasswordHashOf = async (userId: string) => {
    this.passwordHash = (await this.one<{ password_hash: string }>('SELECT password_hash FROM users WHERE id = $1', [userId])).password_hash;
  };

  /** A member whose password is GOOD_PASSWORD, without paying for argon2 again. */
  user = async (prefix = 'fx', role: 'member' | 'moderator' | 'admin' = 'member') => {
    if (!this.passwordHash) throw new Error('call usePasswordHashOf first');
    const handle = `${prefix}_${(this.counter += 1)}_${randomBytes(3).toString('hex')}`;
    const row = await this.one<{ id: string }>(
      'INSERT INTO users (handle, handle_key, password_hash, role) VALUES ($1, $2, $3, $4) RETURNING id',
      [handle, handle.toLowerCase(), this.passwordHash, role],
    );
    return { id: row.id, handle };
  };

  member = (roomId: string, userId: string, role: 'member' | 'moderator' = 'member') =>
    this.t.query(
      `INSERT INTO room_memberships (room_id, user_id, role, guidelines_accepted_at) VALUES ($1, $2, $3, now())
       ON CONFLICT (room_id, user_id) DO UPDATE SET role = EXCLUDED.role`,
      [roomId, userId, role],
    );

  membership = async (roomId: string, userId: string) =>
    (await this.t.query<{ role: string }>('SELECT role FROM room_memberships WHERE room_id = $1 AND user_id = $2', [roomId, userId]))[0];

  /** Puts a member's membership of a room back exactly as it was (after join/leave cells). */
  restoreMembership = async (roomId: string, userId: string, before: { role: string } | undefined) => {
    await this.t.query('DELETE FROM room_memberships WHERE room_id = $1 AND user_id = $2', [roomId, userId]);
    if (before) await this.member(roomId, userId, before.role as 'member' | 'moderator');
  };

  /** A peer conversation `starterId` began with `otherId`, who stands as `otherState`; with its chat row. */
  conversation = async (starterId: string, otherId: string, otherState: 'invited' | 'active') => {
    const { id } = await this.one<{ id: string }>(`INSERT INTO conversations (kind, started_by) VALUES ('peer', $1) RETURNING id`, [starterId]);
    await this.t.query(`INSERT INTO conversation_participants (conversation_id, user_id, state) VALUES ($1, $2, 'active'), ($1, $3, $4)`, [id, starterId, otherId, otherState]);
    await this.t.query(`INSERT INTO chat_rooms (room_id, kind) VALUES ($1, 'conversation')`, [id]);
    return id;
  };

  session = async (userId: string) => (await this.t.get(SessionService).create(userId, 'matrix')).token;

  /** One of the member's personal filters (its pattern is only read by live chat). */
  personalFilter = async (userId: string) =>
    (await this.one<{ id: string }>(
      `INSERT INTO personal_filters (user_id, phrase, words, mode, sql_pattern, fixed_part) VALUES ($1, $2::text, $2::text, 'warn', $2::text, $2::text) RETURNING id`,
      [userId, `fixture words ${(this.counter += 1)}`],
    )).id;

  sessionId = async (userId: string) => (await this.t.get(SessionService).create(userId, 'matrix')).session.id;

  thread = async (roomId: string, authorId: string, title = 'A fixture thread') => {
    const thread = await this.one<{ id: string }>(
      `INSERT INTO threads (room_id, author_id, title, status, post_count, last_activity_at) VALUES ($1, $2, $3, 'published', 1, now()) RETURNING id`,
      [roomId, authorId, title],
    );
    const post = await this.post(thread.id, roomId, authorId, 'The opening words.');
    return { id: thread.id, postId: post.id };
  };

  post = (threadId: string, roomId: string, authorId: string, body = 'A fixture reply.') =>
    this.one<{ id: string }>(
      `INSERT INTO posts (thread_id, room_id, author_id, body, body_html, status, created_at) VALUES ($1, $2, $3, $4, $5, 'published', clock_timestamp()) RETURNING id`,
      [threadId, roomId, authorId, body, `<p>${body}</p>`],
    );

  message = async (roomId: string, authorId: string, body = 'A fixture message.') => {
    await this.t.query('INSERT INTO chat_rooms (room_id) VALUES ($1) ON CONFLICT DO NOTHING', [roomId]);
    // (TypeORM answers a bare UPDATE … RETURNING with [rows, count]; a CTE answers with rows.)
    const { last_seq } = await this.one<{ last_seq: string }>('WITH n AS (UPDATE chat_rooms SET last_seq = last_seq + 1 WHERE room_id = $1 RETURNING last_seq) SELECT last_seq FROM n', [roomId]);
    return this.one<{ id: string }>(
      `INSERT INTO chat_messages (room_id, seq, author_id, client_id, body) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [roomId, last_seq, authorId, randomUUID(), body],
    );
  };

  queueItem = async (roomId: string, targetType: 'post' | 'thread' | 'message', targetId: string, subjectUserId: string) =>
    (
      await this.one<{ id: string }>(
        `INSERT INTO queue_items (kind, severity, status, room_id, target_type, target_id, subject_user_id) VALUES ('report', 1, 'open', $1, $2, $3, $4) RETURNING id`,
        [roomId, targetType, targetId, subjectUserId],
      )
    ).id;

  /** An open crisis item on the post (what crisis care responds to). */
  crisisItem = async (roomId: string, postId: string, subjectUserId: string) =>
    (
      await this.one<{ id: string }>(
        `INSERT INTO queue_items (kind, severity, status, room_id, target_type, target_id, subject_user_id) VALUES ('crisis', 3, 'open', $1, 'post', $2, $3) RETURNING id`,
        [roomId, postId, subjectUserId],
      )
    ).id;

  /** A check-in from the moderation team to a member, with one message. */
  checkIn = async (queueItemId: string, memberId: string) => {
    const { id } = await this.one<{ id: string }>(`INSERT INTO care_check_ins (queue_item_id, member_id) VALUES ($1, $2) RETURNING id`, [queueItemId, memberId]);
    await this.one(`INSERT INTO care_check_in_messages (check_in_id, from_team, body) VALUES ($1, true, 'How are you doing?') RETURNING id`, [id]);
    return id;
  };

  /** A moderator's pending label for the crisis detector (what admins review). */
  crisisLabel = async () =>
    (await this.one<{ id: string }>(`INSERT INTO crisis_labels (source_type, source_id, label, text) VALUES ('post', gen_random_uuid(), 'crisis', 'Fixture words.') RETURNING id`, [])).id;

  careTemplate = async () => (await this.one<{ id: string }>(`INSERT INTO care_templates (title, body) VALUES ('Fixture', 'Checking in.') RETURNING id`, [])).id;

  /** A moderation decision about a member (what an appeal refers to). */
  logEntry = async (actorId: string, roomId: string | null, subjectUserId: string, action = 'member.warn') =>
    (
      await this.one<{ id: string }>(
        `INSERT INTO moderation_log (actor_id, room_id, action, target_type, target_id, subject_user_id, reason) VALUES ($1, $2, $3, 'member', $4, $4, 'fixture decision') RETURNING id`,
        [actorId, roomId, action, subjectUserId],
      )
    ).id;

  notification = async (userId: string) =>
    (await this.one<{ id: string }>(`INSERT INTO notifications (user_id, kind, code, params, title, body) VALUES ($1, 'report-outcome', 'report.outcome', '{"outcome":"no-action"}', 'Fixture', 'A fixture notice') RETURNING id`, [userId])).id;

  bookmark = async (userId: string, postId: string) => {
    await this.t.query('INSERT INTO bookmarks (user_id, post_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [userId, postId]);
  };

  joinRequest = async (roomId: string, userId: string) =>
    (await this.one<{ id: string }>(`INSERT INTO join_requests (room_id, user_id, status) VALUES ($1, $2, 'pending') RETURNING id`, [roomId, userId])).id;

  /** An invite and its code (stored as the service stores it: sha256 of the upper-cased code). */
  /** A live site invite (its code is never needed: the matrix only revokes it). */
  siteInvite = async (createdBy: string) =>
    (
      await this.one<{ id: string }>(
        `INSERT INTO site_invites (code_hash, created_by, expires_at, max_uses) VALUES (encode(sha256(gen_random_uuid()::text::bytea), 'hex'), $1, now() + interval '1 day', 1) RETURNING id`,
        [createdBy],
      )
    ).id;

  invite = async (roomId: string, createdBy: string) => {
    const code = randomBytes(9).toString('hex').toUpperCase();
    const { id } = await this.one<{ id: string }>(
      `INSERT INTO room_invites (room_id, code_hash, created_by, expires_at, max_uses) VALUES ($1, $2, $3, now() + interval '1 day', 5) RETURNING id`,
      [roomId, createHash('sha256').update(code).digest('hex'), createdBy],
    );
    return { id, code };
  };

  /** A support session in the room, on a day of its own in 2030 (no overlaps), with room for everyone. */
  supportSession = async (roomId: string, facilitatorId: string) => {
    const day = new Date(Date.UTC(2030, 0, 1 + (this.counter += 1)));
    const startsAt = new Date(day.getTime() + 10 * 3_600_000);
    const { id } = await this.one<{ id: string }>(
      `INSERT INTO support_sessions (room_id, facilitator_id, title, time_zone, local_start, starts_at, ends_at, duration_minutes, capacity)
       VALUES ($1, $2, 'Matrix session', 'UTC', $3, $4, $5, 60, 100) RETURNING id`,
      [roomId, facilitatorId, startsAt.toISOString().slice(0, 16), startsAt, new Date(startsAt.getTime() + 3_600_000)],
    );
    return id;
  };

  /** A support session running now (started a minute ago) with its session-mode run open in `phase`. */
  runningSession = async (roomId: string, facilitatorId: string, phase: 'check-in' | 'open' = 'check-in') => {
    const { id } = await this.one<{ id: string }>(
      `INSERT INTO support_sessions (room_id, facilitator_id, title, time_zone, local_start, starts_at, ends_at, duration_minutes, capacity)
       VALUES ($1, $2, 'Matrix session', 'UTC', to_char(date_trunc('minute', now()) - interval '1 minute', 'YYYY-MM-DD"T"HH24:MI'),
               date_trunc('minute', now()) - interval '1 minute', date_trunc('minute', now()) + interval '59 minutes', 60, 100) RETURNING id`,
      [roomId, facilitatorId],
    );
    await this.t.query(`INSERT INTO support_session_runs (session_id, occurrence_at, ends_at, phase) SELECT id, starts_at, ends_at, $2 FROM support_sessions WHERE id = $1`, [id, phase]);
    return id;
  };

  /** A banned account (ban + its log entry), as the moderation API would leave it. */
  bannedUser = async (bannedBy: string) => {
    const user = await this.user('bannedfx');
    await this.t.query(`INSERT INTO member_sanctions (user_id, kind, reason, created_by) VALUES ($1, 'ban', 'fixture ban', $2)`, [user.id, bannedBy]);
    await this.logEntry(bannedBy, null, user.id, 'member.ban');
    return user;
  };
}
