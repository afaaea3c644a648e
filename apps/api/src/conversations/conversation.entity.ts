import type { ConversationKind } from '@kindred/contracts';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { UserEntity } from '../users/user.entity.js';

/**
 * A private conversation. Its messages travel the chat engine: the conversation owns the
 * `chat_rooms` row with its own id (kind `conversation`), so send, ack after commit, retries by
 * client id, replay and cross-instance delivery are the rooms' own.
 */
@Entity({ name: 'conversations' })
// The daily request limit counts a sender's recent peer conversations.
@Index('IDX_conversations_started_by_created', ['startedBy', 'createdAt'])
export class ConversationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 16 })
  kind: ConversationKind;

  @Column({ type: 'uuid' })
  startedBy: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'started_by' })
  starter?: Relation<UserEntity>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /** Moves with every message; the inbox is ordered by it. */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  lastActivityAt: Date;
}
