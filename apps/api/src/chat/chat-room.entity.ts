import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** Whose chat this is: a room's live chat, or a private conversation's messages. */
export type ChatChannelKind = 'room' | 'conversation';

/**
 * A room's live chat settings and its message counter. Sending a message takes this row's
 * lock to draw the next `seq`, so messages in a room commit strictly in `seq` order and
 * replay after a reconnect ("everything after seq N") can never miss a late commit.
 *
 * A private conversation has one too, keyed by the conversation's id, so its messages take the
 * same path. That is why `room_id` has no foreign key to `rooms` (rooms are never deleted).
 */
@Entity({ name: 'chat_rooms' })
export class ChatRoomEntity {
  /** The room's id, or the conversation's (see `kind`): one message pipeline for both. */
  @PrimaryColumn({ type: 'uuid' })
  roomId: string;

  @Column({ type: 'varchar', length: 16, default: 'room' })
  kind: ChatChannelKind;

  @Column({ type: 'bigint', default: 0 })
  lastSeq: string;

  /** Counts edits and removals of the room's messages, drawn under this row's lock like `seq`. */
  @Column({ type: 'bigint', default: 0 })
  lastChange: string;

  @Column({ type: 'boolean', default: false })
  locked: boolean;

  /** The lock is the one a support session put on at its end (the next occurrence lifts only that one). */
  @Column({ type: 'boolean', default: false })
  lockedBySession: boolean;

  @Column({ type: 'int', default: 0 })
  slowModeSeconds: number;

  @Column({ type: 'varchar', length: 500, nullable: true })
  pinnedNotice: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
