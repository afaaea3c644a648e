import { JoinPolicy, RoomVisibility, type ContentWarningCategory } from '@kindred/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity({ name: 'rooms' })
export class RoomEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 64, unique: true })
  slug: string;

  @Column({ type: 'varchar', length: 80 })
  name: string;

  @Column({ type: 'varchar', length: 500 })
  description: string;

  /** Markdown source; rendered through the sanitizer. */
  @Column({ type: 'text' })
  guidelines: string;

  @Column({ type: 'varchar', length: 16, default: RoomVisibility.Listed })
  visibility: RoomVisibility;

  @Column({ type: 'varchar', length: 16, default: JoinPolicy.Open })
  joinPolicy: JoinPolicy;

  @Column({ type: 'boolean', default: false })
  requireContentWarning: boolean;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  defaultWarnings: ContentWarningCategory[];

  @Column({ type: 'int', default: 0 })
  premoderateFirstPosts: number;

  @Column({ type: 'int', default: 0 })
  threadSlowModeSeconds: number;

  /** Archived rooms are never deleted: read-only, and out of the directory except for staff. */
  @Column({ type: 'timestamptz', nullable: true })
  archivedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
