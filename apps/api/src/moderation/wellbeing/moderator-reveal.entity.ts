import { CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { UserEntity } from '../../users/user.entity.js';
import { QueueItemEntity } from '../queue-item.entity.js';

/**
 * A moderator chose to unfold a crisis or harm item. Kept on the server (never in the browser)
 * so the item stays open for them on every device, and folded for every other moderator.
 */
@Entity({ name: 'moderator_reveals' })
export class ModeratorRevealEntity {
  @PrimaryColumn({ type: 'uuid' })
  moderatorId: string;

  @PrimaryColumn({ type: 'uuid' })
  queueItemId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'moderator_id' })
  moderator?: Relation<UserEntity>;

  @ManyToOne(() => QueueItemEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'queue_item_id' })
  queueItem?: Relation<QueueItemEntity>;

  /** Also a sign of queue work, for the break suggestion. */
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
