import type { ReportCategory, ReportTargetType } from '@kindred/contracts';
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

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
