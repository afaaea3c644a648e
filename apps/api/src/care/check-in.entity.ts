import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { UserEntity } from '../users/user.entity.js';

/**
 * A private check-in thread between the moderation team and one member, opened from a crisis
 * queue item. Shaped like a conversation (a thread with messages) so private conversations can
 * take it over; until then it reaches the member as a notification they can answer.
 */
@Entity({ name: 'care_check_ins' })
export class CheckInEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  queueItemId: string;

  @Index()
  @Column({ type: 'uuid' })
  memberId: string;

  /** Deleting the account takes the member's check-ins with it. */
  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'member_id' })
  member?: Relation<UserEntity>;

  /** The moderator who opened it (told when the member answers); never shown to the member. */
  @Column({ type: 'uuid', nullable: true })
  openedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
