import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Append-only record of every moderator action. A trigger (see the migration) rejects
 * UPDATE and DELETE, so history cannot be rewritten, even by the application.
 */
@Entity({ name: 'moderation_log' })
@Index(['roomId', 'createdAt'])
@Index(['subjectUserId', 'createdAt'])
export class ModerationLogEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Index()
  @Column({ type: 'uuid' })
  actorId: string;

  @Column({ type: 'uuid', nullable: true })
  roomId: string | null;

  @Column({ type: 'varchar', length: 48 })
  action: string;

  @Column({ type: 'varchar', length: 16 })
  targetType: string;

  @Column({ type: 'uuid' })
  targetId: string;

  /** The member affected, if any (the author of the content, the muted member…). */
  @Column({ type: 'uuid', nullable: true })
  subjectUserId: string | null;

  @Column({ type: 'varchar', length: 500 })
  reason: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  details: Record<string, unknown>;
}
