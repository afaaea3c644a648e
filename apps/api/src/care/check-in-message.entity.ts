import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { CheckInEntity } from './check-in.entity.js';

/** One message in a check-in: from the moderation team, or the member's answer. */
@Entity({ name: 'care_check_in_messages' })
@Index(['checkInId', 'createdAt'])
export class CheckInMessageEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  checkInId: string;

  @ManyToOne(() => CheckInEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'check_in_id' })
  checkIn?: Relation<CheckInEntity>;

  @Column({ type: 'boolean' })
  fromTeam: boolean;

  /** Who wrote it (a moderator for the team's messages); kept for moderators, never shown to the member. */
  @Column({ type: 'uuid', nullable: true })
  authorId: string | null;

  @Column({ type: 'varchar', length: 2000 })
  body: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
