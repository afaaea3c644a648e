import { QueueItemStatus, type QueueItemKind, type ReportTargetType } from '@kindred/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * One thing for moderators to look at. Reports on the same target merge into one open
 * item (with all reporters); crisis flags, held posts and appeals are items too.
 */
@Entity({ name: 'queue_items' })
// The queue: most severe first, oldest first within a severity.
@Index('IDX_queue_items_listing', ['status', 'severity', 'createdAt'])
@Index('IDX_queue_items_target', ['targetType', 'targetId', 'status'])
// A moderator's own exposure and sitting of queue work (moderation/wellbeing).
@Index('IDX_queue_items_resolver', ['resolvedBy', 'resolvedAt'])
export class QueueItemEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 16 })
  kind: QueueItemKind;

  @Column({ type: 'smallint' })
  severity: number;

  @Column({ type: 'varchar', length: 16, default: QueueItemStatus.Open })
  status: QueueItemStatus;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  roomId: string | null;

  @Column({ type: 'varchar', length: 16 })
  targetType: ReportTargetType;

  @Column({ type: 'uuid' })
  targetId: string;

  /** The member whose content or conduct this is about. */
  @Column({ type: 'uuid', nullable: true })
  subjectUserId: string | null;

  @Column({ type: 'uuid', nullable: true })
  claimedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  claimedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  resolvedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  /** Moderators' summary of the decision (visible to moderators). */
  @Column({ type: 'varchar', length: 500, nullable: true })
  resolution: string | null;

  /** What reporters are told; never the private notes. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  outcomeForReporters: string | null;

  /** For appeals: the log entry being appealed (its moderator may not decide the appeal). */
  @Column({ type: 'uuid', nullable: true })
  appealOfLogId: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  appealMessage: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
