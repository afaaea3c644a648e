import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { RoomEntity } from '../rooms/room.entity.js';

/**
 * "Mark room read": everything in the room up to `readAt` counts as read, in one row instead
 * of a marker per thread. Threads started before it are no longer new either.
 */
@Entity({ name: 'room_read_markers' })
export class RoomReadMarkerEntity {
  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @PrimaryColumn({ type: 'uuid' })
  roomId: string;

  @ManyToOne(() => RoomEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'room_id' })
  room?: Relation<RoomEntity>;

  @Column({ type: 'timestamptz' })
  readAt: Date;
}
