import type { CheckInRound } from '@kindred/contracts';
import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { UserEntity } from '../users/user.entity.js';
import { SupportSessionEntity } from './support-session.entity.js';

/** A member's turn in a round of one occurrence: one word, or a pass (`word` null). */
@Entity({ name: 'support_session_check_ins' })
export class SessionCheckInEntity {
  @PrimaryColumn({ type: 'uuid' })
  sessionId: string;

  @ManyToOne(() => SupportSessionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: Relation<SupportSessionEntity>;

  @PrimaryColumn({ type: 'timestamptz' })
  occurrenceAt: Date;

  @PrimaryColumn({ type: 'varchar', length: 8 })
  round: CheckInRound;

  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<UserEntity>;

  @Column({ type: 'varchar', length: 24, nullable: true })
  word: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
