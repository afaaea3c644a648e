import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SessionPhase, type CheckInRound } from '@kindred/contracts';
import { DataSource, IsNull, LessThanOrEqual, type EntityManager } from 'typeorm';
import { SessionCheckInEntity } from './session-check-in.entity.js';
import { SessionRunEntity } from './session-run.entity.js';

/** The owner of `support_session_runs`, `support_session_check_ins` and `support_session_attendance`: session mode's state. */
@Injectable()
export class SessionRunRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private runs(manager?: EntityManager) {
    return (manager ?? this.db.manager).getRepository(SessionRunEntity);
  }

  /** Opens the occurrence once: true only for the caller whose insert made the row. */
  async open(sessionId: string, occurrenceAt: Date, endsAt: Date): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `INSERT INTO support_session_runs (session_id, occurrence_at, ends_at, phase) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING session_id`,
      [sessionId, occurrenceAt, endsAt, SessionPhase.CheckIn],
    );
    return rows.length > 0;
  }

  /** Runs past their end and not closed yet. */
  due(now: Date): Promise<SessionRunEntity[]> {
    return this.runs().find({ where: { closedAt: IsNull(), endsAt: LessThanOrEqual(now) } });
  }

  /** Closes the run once: true only for the caller whose update closed it. */
  async close(run: SessionRunEntity, now: Date): Promise<boolean> {
    const result = await this.runs()
      .createQueryBuilder()
      .update()
      .set({ phase: SessionPhase.Closed, closedAt: now })
      .where('session_id = :sessionId AND occurrence_at = :occurrenceAt AND closed_at IS NULL', { sessionId: run.sessionId, occurrenceAt: run.occurrenceAt })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /** The open run of any of these sessions (one room has at most one at a time: sessions never overlap). */
  liveOf(sessionIds: readonly string[]): Promise<SessionRunEntity | null> {
    if (sessionIds.length === 0) return Promise.resolve(null);
    return this.runs().createQueryBuilder('r').where('r.session_id IN (:...ids) AND r.closed_at IS NULL', { ids: sessionIds }).orderBy('r.occurrence_at', 'DESC').getOne();
  }

  async setPhase(run: SessionRunEntity, phase: SessionPhase): Promise<void> {
    await this.runs().update({ sessionId: run.sessionId, occurrenceAt: run.occurrenceAt, closedAt: IsNull() }, { phase });
  }

  /** A member's turn in a round; taking it again replaces the word. */
  async takeTurn(run: SessionRunEntity, round: CheckInRound, userId: string, word: string | null): Promise<void> {
    await this.db.query(
      `INSERT INTO support_session_check_ins (session_id, occurrence_at, round, user_id, word) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (session_id, occurrence_at, round, user_id) DO UPDATE SET word = EXCLUDED.word`,
      [run.sessionId, run.occurrenceAt, round, userId, word],
    );
  }

  turns(run: SessionRunEntity): Promise<SessionCheckInEntity[]> {
    return this.db.getRepository(SessionCheckInEntity).find({ where: { sessionId: run.sessionId, occurrenceAt: run.occurrenceAt }, order: { createdAt: 'ASC' } });
  }

  /** The member is here for this occurrence; true the first time only. */
  async markPresent(run: SessionRunEntity, userId: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `INSERT INTO support_session_attendance (session_id, occurrence_at, user_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING user_id`,
      [run.sessionId, run.occurrenceAt, userId],
    );
    return rows.length > 0;
  }

  async presentCount(run: SessionRunEntity): Promise<number> {
    const [row] = (await this.db.query('SELECT count(*)::int AS n FROM support_session_attendance WHERE session_id = $1 AND occurrence_at = $2', [run.sessionId, run.occurrenceAt])) as { n: number }[];
    return row?.n ?? 0;
  }

  /** Who came to each occurrence of a session that has run, oldest first (for its facilitators). */
  async attendance(sessionId: string): Promise<{ occurrenceAt: Date; userIds: string[] }[]> {
    const rows: { occurrence_at: Date; user_ids: string[] }[] = await this.db.query(
      `SELECT occurrence_at, array_agg(user_id ORDER BY arrived_at) AS user_ids FROM support_session_attendance WHERE session_id = $1 GROUP BY occurrence_at ORDER BY occurrence_at`,
      [sessionId],
    );
    return rows.map((r) => ({ occurrenceAt: r.occurrence_at, userIds: r.user_ids }));
  }

  /** For the member's own export: the occurrences they came to. */
  attendedBy(userId: string): Promise<unknown[]> {
    return this.db.query('SELECT session_id, occurrence_at, arrived_at FROM support_session_attendance WHERE user_id = $1 ORDER BY occurrence_at', [userId]);
  }

  /** Account deletion: the member's words in rounds, and where they came, go. */
  async forgetUser(userId: string, manager: EntityManager): Promise<void> {
    await manager.query('DELETE FROM support_session_check_ins WHERE user_id = $1', [userId]);
    await manager.query('DELETE FROM support_session_attendance WHERE user_id = $1', [userId]);
  }
}
