import { CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { SupportSessionEntity } from './support-session.entity.js';

/**
 * The claim that a reminder for one occurrence went to one member. Its primary key makes the
 * reminder fire once however many instances look at the same moment.
 */
@Entity({ name: 'support_session_reminders' })
export class SessionReminderEntity {
  @PrimaryColumn({ type: 'uuid' })
  sessionId: string;

  @ManyToOne(() => SupportSessionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: Relation<SupportSessionEntity>;

  @PrimaryColumn({ type: 'timestamptz' })
  occurrenceAt: Date;

  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  sentAt: Date;
}
