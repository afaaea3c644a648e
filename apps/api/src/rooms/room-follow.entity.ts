import { CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { RoomEntity } from './room.entity.js';

/**
 * A member follows a whole room: each new thread there brings a notice (batched per room).
 * Only a member who can read the room hears anything; leaving the room ends the follow.
 */
@Entity({ name: 'room_follows' })
// A new thread asks for the room's followers.
@Index('IDX_room_follows_room', ['roomId'])
export class RoomFollowEntity {
  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @PrimaryColumn({ type: 'uuid' })
  roomId: string;

  @ManyToOne(() => RoomEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'room_id' })
  room?: Relation<RoomEntity>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
