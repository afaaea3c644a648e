import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SessionPhase, type CheckInRound } from '@kindred/contracts';
import { DataSource, IsNull, LessThanOrEqual, type EntityManager } from 'typeorm';
import { SessionCheckInEntity } from './session-check-in.entity.js';
import { SessionRunEntity } from './session-run.entity.js';

/** The owner of `support_session_runs` and `support_session_check_ins`: session mode's state. */
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

  /** Account deletion: the member's words in rounds go. */
  async forgetUser(userId: string, manager: EntityManager): Promise<void> {
    await manager.query('DELETE FROM support_session_check_ins WHERE user_id = $1', [userId]);
  }
}
