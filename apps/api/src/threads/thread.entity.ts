import { PostStatus, type ContentWarningCategory } from '@kindred/contracts';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { RoomEntity } from '../rooms/room.entity.js';

@Entity({ name: 'threads' })
// Thread list: pinned first, latest activity first, id as the tie-breaker (keyset order).
@Index('IDX_threads_room_listing', ['roomId', 'pinned', 'lastActivityAt', 'id'])
// New-thread counts: a room's threads started after the member's baseline.
@Index('IDX_threads_room_created', ['roomId', 'createdAt'])
export class ThreadEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  roomId: string;

  @ManyToOne(() => RoomEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'room_id' })
  room?: Relation<RoomEntity>;

  @Index()
  @Column({ type: 'uuid' })
  authorId: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

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

  /** Mirrors the first post: a held or removed first post holds or removes the thread. */
  @Column({ type: 'varchar', length: 16, default: PostStatus.Published })
  status: PostStatus;

  @Column({ type: 'boolean', default: false })
  pinned: boolean;

  /** A pin can end by itself; after this time the thread sorts like any other. */
  @Column({ type: 'timestamptz', nullable: true })
  pinnedUntil: Date | null;

  @Column({ type: 'boolean', default: false })
  locked: boolean;

  /** Published posts, the first one included. Viewers see this minus what they hide. */
  @Column({ type: 'int', default: 0 })
  postCount: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  lastActivityAt: Date;
}
