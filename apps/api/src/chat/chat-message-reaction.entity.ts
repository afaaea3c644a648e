import type { ReactionKind } from '@kindred/contracts';
import { CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { UserEntity } from '../users/user.entity.js';
import { ChatMessageEntity } from './chat-message.entity.js';

/** One of each supportive reaction per member per chat message (private conversations); no downvotes exist. */
@Entity({ name: 'chat_message_reactions' })
export class ChatMessageReactionEntity {
  @PrimaryColumn({ type: 'uuid' })
  messageId: string;

  @ManyToOne(() => ChatMessageEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'message_id' })
  message?: Relation<ChatMessageEntity>;

  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<UserEntity>;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  kind: ReactionKind;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
