import type { ContentWarningCategory } from '@kindred/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { PostEntity } from './post.entity.js';

/** The text a post had before an edit. Moderators can read the history. */
@Entity({ name: 'post_revisions' })
@Index(['postId', 'editedAt'])
export class PostRevisionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  postId: string;

  @ManyToOne(() => PostEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'post_id' })
  post?: Relation<PostEntity>;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  contentWarnings: ContentWarningCategory[];

  @Column({ type: 'varchar', length: 100, nullable: true })
  warningNote: string | null;

  /** Who replaced this text (the author, or a moderator changing warnings). */
  @Column({ type: 'uuid' })
  editorId: string;

  @Column({ type: 'timestamptz' })
  editedAt: Date;
}
