import type { SignInMethod, SignInOutcome } from '@kindred/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { UserEntity } from '../users/user.entity.js';

/**
 * One sign-in attempt on an existing account, for the member's own safety check. No address
 * is kept, the time is rounded to the hour, and rows older than 30 days are pruned.
 */
@Entity({ name: 'sign_in_events' })
@Index(['userId', 'hour'])
export class SignInEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<UserEntity>;

  /** Pruning walks this index. */
  @Index()
  @Column({ type: 'timestamptz' })
  hour: Date;

  @Column({ type: 'varchar', length: 16 })
  outcome: SignInOutcome;

  @Column({ type: 'varchar', length: 16 })
  method: SignInMethod;

  @Column({ type: 'varchar', length: 80 })
  device: string;
}
