import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { ContentWarningCategory, DraftKind } from '@kindred/contracts';

/**
 * A member's unsent words for one place (a new thread in a room, a reply in a thread), saved as
 * they type so nothing hard to write is lost, and restored on any device. Only they read it.
 */
@Entity({ name: 'drafts' })
export class DraftEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_drafts' })
  userId: string;

  @PrimaryColumn({ type: 'varchar', length: 8, primaryKeyConstraintName: 'PK_drafts' })
  kind: DraftKind;

  /** The room (kind `thread`) or the thread (kind `reply`). */
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_drafts' })
  targetId: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  title: string | null;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  contentWarnings: ContentWarningCategory[];

  @Column({ type: 'boolean', default: false })
  noneApply: boolean;

  @Column({ type: 'varchar', length: 100, nullable: true })
  warningNote: string | null;

  @Column({ type: 'uuid', nullable: true })
  replyToPostId: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
