import { CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { ThreadEntity } from './thread.entity.js';

/**
 * A member follows a thread: chosen, or automatically when they start it or reply to it. What
 * they hear about it comes from here; their mute of the thread wins over it.
 */
@Entity({ name: 'thread_follows' })
// A new reply asks for the thread's followers.
@Index('IDX_thread_follows_thread', ['threadId'])
export class ThreadFollowEntity {
  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @PrimaryColumn({ type: 'uuid' })
  threadId: string;

  @ManyToOne(() => ThreadEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'thread_id' })
  thread?: Relation<ThreadEntity>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
