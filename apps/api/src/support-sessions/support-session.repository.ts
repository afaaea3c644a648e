import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull, MoreThan, type EntityManager } from 'typeorm';
import { SessionRsvpEntity } from './session-rsvp.entity.js';
import { SupportSessionEntity } from './support-session.entity.js';

/** The one owner of `support_sessions`, `support_session_rsvps` and `support_session_reminders`. */
@Injectable()
export class SupportSessionRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  private sessions(manager?: EntityManager) {
    return (manager ?? this.db.manager).getRepository(SupportSessionEntity);
  }

  /** Serialises scheduling in one room, so two overlapping sessions cannot both pass the overlap check. */
  async lockRoomSchedule(manager: EntityManager, roomId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('support-sessions:' || $1))`, [roomId]);
  }

  /** Sessions in the room still running or to come after `after` (cancelled ones aside). */
  activeInRoom(roomId: string, after: Date, manager?: EntityManager): Promise<SupportSessionEntity[]> {
    return this.sessions(manager).find({ where: { roomId, cancelledAt: IsNull(), endsAt: MoreThan(after) } });
  }

  listForRoom(roomId: string): Promise<SupportSessionEntity[]> {
    return this.sessions().find({ where: { roomId, cancelledAt: IsNull() }, order: { startsAt: 'ASC' }, take: 500 });
  }

  /** A session that is not cancelled, wherever it is (the gate then decides on its room). */
  byId(id: string): Promise<SupportSessionEntity | null> {
    return this.sessions().findOne({ where: { id, cancelledAt: IsNull() } });
  }

  findInRoom(id: string, roomId: string): Promise<SupportSessionEntity | null> {
    return this.sessions().findOne({ where: { id, roomId, cancelledAt: IsNull() } });
  }

  /** The session, its row locked for the transaction: RSVPs and capacity changes queue behind each other. */
  async lockSession(manager: EntityManager, id: string, roomId: string): Promise<SupportSessionEntity | null> {
    return this.sessions(manager).findOne({ where: { id, roomId, cancelledAt: IsNull() }, lock: { mode: 'pessimistic_write' } });
  }

  save(manager: EntityManager, session: SupportSessionEntity): Promise<SupportSessionEntity> {
    return this.sessions(manager).save(session);
  }

  create(fields: Partial<SupportSessionEntity>): SupportSessionEntity {
    return this.sessions().create(fields);
  }

  async rsvpCounts(sessionIds: readonly string[], manager?: EntityManager): Promise<Map<string, number>> {
    if (sessionIds.length === 0) return new Map();
    const rows: { session_id: string; count: string }[] = await (manager ?? this.db.manager).query(
      'SELECT session_id, count(*) AS count FROM support_session_rsvps WHERE session_id = ANY($1::uuid[]) GROUP BY session_id',
      [sessionIds],
    );
    return new Map(rows.map((r) => [r.session_id, Number(r.count)]));
  }

  /** `manager` inside a transaction: a second pool connection while holding the first could starve the pool. */
  async rsvpedBy(sessionIds: readonly string[], userId: string, manager?: EntityManager): Promise<Set<string>> {
    if (sessionIds.length === 0) return new Set();
    const rows = await (manager ?? this.db.manager).getRepository(SessionRsvpEntity).find({ select: { sessionId: true }, where: { sessionId: In([...sessionIds]), userId } });
    return new Set(rows.map((r) => r.sessionId));
  }

  async attendeeIds(sessionId: string, manager?: EntityManager): Promise<string[]> {
    const rows = await (manager ?? this.db.manager).getRepository(SessionRsvpEntity).find({ select: { userId: true }, where: { sessionId }, order: { createdAt: 'ASC' } });
    return rows.map((r) => r.userId);
  }

  /** True when a new place was taken (false: the member already had one). */
  async addRsvp(manager: EntityManager, sessionId: string, userId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query('INSERT INTO support_session_rsvps (session_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING user_id', [sessionId, userId]);
    return rows.length > 0;
  }

  async removeRsvp(manager: EntityManager, sessionId: string, userId: string): Promise<void> {
    await manager.getRepository(SessionRsvpEntity).delete({ sessionId, userId });
  }

  /** Sessions the member RSVPed to that are not cancelled, for their calendar file. */
  rsvpSessionsOf(userId: string): Promise<SupportSessionEntity[]> {
    return this.sessions()
      .createQueryBuilder('s')
      .innerJoin(SessionRsvpEntity, 'r', 'r.session_id = s.id AND r.user_id = :userId', { userId })
      .where('s.cancelled_at IS NULL')
      .orderBy('s.starts_at', 'ASC')
      .getMany();
  }

  /** Sessions that may have an occurrence starting before `horizon` and not yet ended at `now`. */
  withOccurrenceBetween(now: Date, horizon: Date): Promise<SupportSessionEntity[]> {
    return this.sessions()
      .createQueryBuilder('s')
      .where('s.cancelled_at IS NULL AND s.starts_at <= :horizon AND s.ends_at > :now', { horizon, now })
      .getMany();
  }

  /**
   * Claims the reminder for one occurrence for each member with an RSVP, once: the primary key
   * turns a second instance's claim into nothing. Returns who was claimed for here.
   */
  async claimReminders(manager: EntityManager, sessionId: string, occurrenceAt: Date): Promise<string[]> {
    const rows: { user_id: string }[] = await manager.query(
      `INSERT INTO support_session_reminders (session_id, occurrence_at, user_id)
       SELECT session_id, $2, user_id FROM support_session_rsvps WHERE session_id = $1
       ON CONFLICT DO NOTHING RETURNING user_id`,
      [sessionId, occurrenceAt],
    );
    return rows.map((r) => r.user_id);
  }

  /** The member's RSVPs, for their data export. */
  exportFor(userId: string): Promise<unknown[]> {
    return this.db.query(
      `SELECT s.title, s.time_zone, s.local_start, s.duration_minutes, s.weeks, r.created_at AS rsvped_at
       FROM support_session_rsvps r JOIN support_sessions s ON s.id = r.session_id WHERE r.user_id = $1 ORDER BY r.created_at`,
      [userId],
    );
  }

  /** Every place the member holds in the room's sessions, given back (they left the room). */
  async withdrawAllIn(roomId: string, userId: string): Promise<void> {
    await this.db.query('DELETE FROM support_session_rsvps r USING support_sessions s WHERE s.id = r.session_id AND s.room_id = $1 AND r.user_id = $2', [roomId, userId]);
  }

  /** Account deletion: the member's RSVPs and reminder claims go; sessions they facilitated stay (their handle reads "former member"). */
  async forgetUser(userId: string, manager: EntityManager): Promise<void> {
    await manager.query('DELETE FROM support_session_rsvps WHERE user_id = $1', [userId]);
    await manager.query('DELETE FROM support_session_reminders WHERE user_id = $1', [userId]);
  }
}
