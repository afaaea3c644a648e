import { CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { UserEntity } from '../users/user.entity.js';
import { SupportSessionEntity } from './support-session.entity.js';

/**
 * Who came to one occurrence (was in the room while session mode ran), as opposed to who
 * RSVPed. Private: only the facilitators see names; everyone sees how many are here.
 */
@Entity({ name: 'support_session_attendance' })
export class SessionAttendanceEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_support_session_attendance' })
  sessionId: string;

  @ManyToOne(() => SupportSessionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id', foreignKeyConstraintName: 'FK_support_session_attendance_session' })
  session?: Relation<SupportSessionEntity>;

  @PrimaryColumn({ type: 'timestamptz', primaryKeyConstraintName: 'PK_support_session_attendance' })
  occurrenceAt: Date;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_support_session_attendance' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_support_session_attendance_user' })
  user?: Relation<UserEntity>;

  @CreateDateColumn({ type: 'timestamptz' })
  arrivedAt: Date;
}
