import type { CrisisLabel, CrisisLabelSource, CrisisLabelStatus } from '@kindred/contracts';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { UserEntity } from '../users/user.entity.js';

/**
 * One member's words labelled by a moderator for the crisis detector: a crisis it missed, or
 * a crisis item that was not one. Private: admins review them, moderators see only the
 * detector's figures on the accepted ones. The text is a snapshot, so it is deleted with its
 * author's account (see CrisisLabelsRepository.forgetAuthor).
 */
@Entity({ name: 'crisis_labels' })
// One label per labelled thing: a second is a 409, not a second vote.
@Index('UQ_crisis_labels_source', ['sourceType', 'sourceId'], { unique: true })
@Index('IDX_crisis_labels_status', ['status', 'createdAt'])
export class CrisisLabelEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 16 })
  sourceType: CrisisLabelSource;

  @Column({ type: 'uuid' })
  sourceId: string;

  @Column({ type: 'varchar', length: 16 })
  label: CrisisLabel;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status: CrisisLabelStatus;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  /** Whose words these are. */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  authorId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'author_id' })
  author?: Relation<UserEntity>;

  @Column({ type: 'uuid', nullable: true })
  markedBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'marked_by' })
  marker?: Relation<UserEntity>;

  @Column({ type: 'uuid', nullable: true })
  reviewedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  reviewedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
