import type { ReportCategory, ReportTargetType } from '@kindred/contracts';

/** One message of a report's snapshot. */
export interface ReportSnapshotMessage {
  id: string;
  author: { id: string; handle: string };
  body: string;
  createdAt: string;
}
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'reports' })
@Index(['reporterId', 'createdAt'])
export class ReportEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  reporterId: string;

  @Column({ type: 'varchar', length: 16 })
  targetType: ReportTargetType;

  @Column({ type: 'uuid' })
  targetId: string;

  @Column({ type: 'varchar', length: 24 })
  category: ReportCategory;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  note: string | null;

  @Index()
  @Column({ type: 'uuid' })
  queueItemId: string;

  /**
   * A report on a private conversation's message: the reported message and up to ten around it,
   * as they were when reported. The only part of a peer conversation moderators ever see.
   */
  @Column({ type: 'jsonb', nullable: true })
  snapshot: ReportSnapshotMessage[] | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
