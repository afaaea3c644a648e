import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn, type Relation } from 'typeorm';
import { ThreadEntity } from './thread.entity.js';

/**
 * How far a member has read a thread: the last post a thread page showed them. Posts after
 * it (by time, id breaking ties, the page order) are unread. A thread without a marker was
 * never opened: "new" when it appeared after the member's baseline in the room.
 */
@Entity({ name: 'thread_read_markers' })
// A room's unread posts start from the member's markers there that may have posts after them.
@Index('IDX_thread_read_markers_behind', ['userId', 'roomId', 'readAt'], { where: '"behind"' })
// A reply marks the thread's caught-up readers behind (trigger `threads_activity_behind`).
@Index('IDX_thread_read_markers_caught_up', ['threadId'], { where: 'NOT "behind"' })
export class ThreadReadMarkerEntity {
  // The primary key leads with the member: their markers are read together for room counts.
  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @PrimaryColumn({ type: 'uuid' })
  threadId: string;

  @ManyToOne(() => ThreadEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'thread_id' })
  thread?: Relation<ThreadEntity>;

  /** The thread's room, kept with it when a thread moves (threads/ owns both). */
  @Column({ type: 'uuid' })
  roomId: string;

  /** The last seen post's time at full precision (the page's keyset). */
  @Column({ type: 'timestamptz' })
  readAt: Date;

  @Column({ type: 'uuid' })
  readPostId: string;

  /**
   * Posts may follow the marker. False only when, as it was last written, no published post
   * by someone else did; triggers keep it so (migration `ReadMarkerBehind1796425521000`), and
   * the room directory's counts skip the markers with nothing after them.
   */
  @Column({ type: 'boolean', default: true, insert: false, update: false })
  behind: boolean;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
