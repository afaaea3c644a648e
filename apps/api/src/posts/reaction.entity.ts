import type { ReactionKind } from '@kindred/contracts';
import { CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { PostEntity } from './post.entity.js';

/** One of each supportive reaction per member per post; no downvotes exist. */
@Entity({ name: 'reactions' })
export class ReactionEntity {
  @PrimaryColumn({ type: 'uuid' })
  postId: string;

  @ManyToOne(() => PostEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'post_id' })
  post?: Relation<PostEntity>;

  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  kind: ReactionKind;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
