import { CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { UserEntity } from '../users/user.entity.js';
import { SupportSessionEntity } from './support-session.entity.js';

/** A member's place in a support session (every occurrence of a weekly one). Private: only facilitators see who. */
@Entity({ name: 'support_session_rsvps' })
export class SessionRsvpEntity {
  @PrimaryColumn({ type: 'uuid' })
  sessionId: string;

  @ManyToOne(() => SupportSessionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: Relation<SupportSessionEntity>;

  @Index()
  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<UserEntity>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
