import { PostStatus, type ContentWarningCategory } from '@kindred/contracts';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { ThreadEntity } from '../threads/thread.entity.js';

@Entity({ name: 'posts' })
// Thread page: oldest first with id as the tie-breaker (keyset order).
@Index('IDX_posts_thread_page', ['threadId', 'createdAt', 'id'])
// Slow mode and pre-moderation look at a member's recent posts in a room.
@Index('IDX_posts_room_author', ['roomId', 'authorId', 'createdAt'])
// Full-text search: a GIN index on search_vector, created in the migration because TypeORM
// cannot describe GIN indexes; it leaves this one alone.
@Index('IDX_posts_search', { synchronize: false })
// Search results come newest first; for a common word this walk beats sorting every match.
@Index('IDX_posts_recent', ['createdAt', 'id'])
export class PostEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  threadId: string;

  @ManyToOne(() => ThreadEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'thread_id' })
  thread?: Relation<ThreadEntity>;

  /** Copied from the thread so room-wide queries (search, slow mode) need no join. */
  @Column({ type: 'uuid' })
  roomId: string;

  @Column({ type: 'uuid' })
  authorId: string;

  /** Markdown source as the member wrote it. */
  @Column({ type: 'text' })
  body: string;

  /** Sanitized HTML rendered at write time. */
  @Column({ type: 'text' })
  bodyHtml: string;

  /**
   * The body's search terms, kept by the `posts_search_vector` trigger (see the migration), so
   * a search reads stored terms instead of parsing every body it considers. The app never
   * reads or writes it.
   */
  @Column({ type: 'tsvector', select: false, insert: false, update: false })
  searchVector?: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  contentWarnings: ContentWarningCategory[];

  /**
   * Categories the crisis detector added at once, for every reader but the author (their own
   * view is unchanged). Labelled as automatic; a moderator's warning replaces them.
   */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  autoWarnings: ContentWarningCategory[];

  @Column({ type: 'varchar', length: 100, nullable: true })
  warningNote: string | null;

  @Column({ type: 'varchar', length: 16, default: PostStatus.Published })
  status: PostStatus;

  @Column({ type: 'uuid', nullable: true })
  replyToPostId: string | null;

  /** Members this post mentions (and who may be told about it). */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  mentionedUserIds: string[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  editedAt: Date | null;
}
