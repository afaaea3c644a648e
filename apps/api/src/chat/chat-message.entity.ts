import { ChatMessageStatus, type ContentWarningCategory } from '@kindred/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'chat_messages' })
// Replay and history: a room's messages in order.
@Index('UQ_chat_messages_room_seq', ['roomId', 'seq'], { unique: true })
// A client retry after a lost ack finds the message it already sent.
@Index('UQ_chat_messages_author_client', ['authorId', 'clientId'], { unique: true })
// Slow mode looks up a member's latest message in a room.
@Index('IDX_chat_messages_room_author', ['roomId', 'authorId', 'createdAt'])
// Replay's change feed: a room's messages changed after a given change number.
@Index('IDX_chat_messages_room_changed', ['roomId', 'changedSeq'], { where: 'changed_seq IS NOT NULL' })
export class ChatMessageEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  roomId: string;

  @Column({ type: 'bigint' })
  seq: string;

  @Column({ type: 'uuid' })
  authorId: string;

  @Column({ type: 'varchar', length: 64 })
  clientId: string;

  /** Plain text; clients render it as text, never as HTML. */
  @Column({ type: 'text' })
  body: string;

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

  @Column({ type: 'uuid', nullable: true })
  replyToMessageId: string | null;

  @Column({ type: 'varchar', length: 16, default: ChatMessageStatus.Published })
  status: ChatMessageStatus;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  editedAt: Date | null;

  /** The room's change number (ChatRoomEntity.lastChange) at this message's latest edit or removal. */
  @Column({ type: 'bigint', nullable: true })
  changedSeq: string | null;
}
