import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { PostEntity } from '../posts/post.entity.js';

/** A post a member saved to read again, with an optional private note. Only they see it. */
@Entity({ name: 'bookmarks' })
// The member's list, newest first.
@Index('IDX_bookmarks_user_created', ['userId', 'createdAt'])
export class BookmarkEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_bookmarks' })
  userId: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_bookmarks' })
  postId: string;

  @ManyToOne(() => PostEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'post_id', foreignKeyConstraintName: 'FK_bookmarks_post' })
  post?: Relation<PostEntity>;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
