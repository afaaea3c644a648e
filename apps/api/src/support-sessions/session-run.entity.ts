import { SessionPhase } from '@kindred/contracts';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { SupportSessionEntity } from './support-session.entity.js';

/**
 * One occurrence of a session in session mode. Its primary key lets exactly one instance open
 * it; `closedAt` set once (a conditional update) lets exactly one close it.
 */
@Entity({ name: 'support_session_runs' })
export class SessionRunEntity {
  @PrimaryColumn({ type: 'uuid' })
  sessionId: string;

  @ManyToOne(() => SupportSessionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: Relation<SupportSessionEntity>;

  @PrimaryColumn({ type: 'timestamptz' })
  occurrenceAt: Date;

  @Column({ type: 'timestamptz' })
  endsAt: Date;

  @Column({ type: 'varchar', length: 16, default: SessionPhase.CheckIn })
  phase: SessionPhase;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;
}
