import { RoomRole } from '@kindred/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { RoomEntity } from './room.entity.js';

/** A member's place in a room. Room moderators are members with role `moderator`. */
@Entity({ name: 'room_memberships' })
export class RoomMembershipEntity {
  @PrimaryColumn({ type: 'uuid' })
  roomId: string;

  @ManyToOne(() => RoomEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'room_id' })
  room?: Relation<RoomEntity>;

  @Index()
  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @Column({ type: 'varchar', length: 16, default: RoomRole.Member })
  role: RoomRole;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  joinedAt: Date;

  /** When the member accepted the guidelines (required to join). */
  @Column({ type: 'timestamptz' })
  guidelinesAcceptedAt: Date;
}
