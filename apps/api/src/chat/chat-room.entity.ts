import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn, type Relation } from 'typeorm';
import { RoomEntity } from '../rooms/room.entity.js';

/**
 * A room's live chat settings and its message counter. Sending a message takes this row's
 * lock to draw the next `seq`, so messages in a room commit strictly in `seq` order and
 * replay after a reconnect ("everything after seq N") can never miss a late commit.
 */
@Entity({ name: 'chat_rooms' })
export class ChatRoomEntity {
  @PrimaryColumn({ type: 'uuid' })
  roomId: string;

  @OneToOne(() => RoomEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'room_id' })
  room?: Relation<RoomEntity>;

  @Column({ type: 'bigint', default: 0 })
  lastSeq: string;

  /** Counts edits and removals of the room's messages, drawn under this row's lock like `seq`. */
  @Column({ type: 'bigint', default: 0 })
  lastChange: string;

  @Column({ type: 'boolean', default: false })
  locked: boolean;

  @Column({ type: 'int', default: 0 })
  slowModeSeconds: number;

  @Column({ type: 'varchar', length: 500, nullable: true })
  pinnedNotice: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
