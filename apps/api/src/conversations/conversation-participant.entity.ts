import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn, type Relation } from 'typeorm';
import { UserEntity } from '../users/user.entity.js';
import { ConversationEntity } from './conversation.entity.js';

/**
 * Where one person stands in a conversation:
 * - `invited`: a request waiting for their answer (they see only its first message);
 * - `active`: in it (the starter from the start, a recipient once they accept);
 * - `declined`: said no; to everyone else this looks exactly like `invited`;
 * - `left`: left, or ended it by blocking the other person; never shown to the others.
 */
export type ParticipantState = 'invited' | 'active' | 'declined' | 'left';

@Entity({ name: 'conversation_participants' })
// A member's inbox: their conversations.
@Index('IDX_conversation_participants_user', ['userId', 'state'])
export class ConversationParticipantEntity {
  @PrimaryColumn({ type: 'uuid' })
  conversationId: string;

  @ManyToOne(() => ConversationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'conversation_id' })
  conversation?: Relation<ConversationEntity>;

  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<UserEntity>;

  @Column({ type: 'varchar', length: 16 })
  state: ParticipantState;

  /** Writes as the moderation team (a check-in's moderator who chose the team's name). */
  @Column({ type: 'boolean', default: false })
  asTeam: boolean;

  /** Muted: still in it, but nothing about it is announced to them. */
  @Column({ type: 'boolean', default: false })
  muted: boolean;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
