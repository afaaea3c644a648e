import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** How far a member has read a room's chat (for unread counts). */
@Entity({ name: 'chat_read_markers' })
export class ChatReadMarkerEntity {
  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @PrimaryColumn({ type: 'uuid' })
  roomId: string;

  @Column({ type: 'bigint' })
  lastReadSeq: string;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
