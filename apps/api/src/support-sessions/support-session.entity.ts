import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, type Relation } from 'typeorm';
import { RoomEntity } from '../rooms/room.entity.js';
import { UserEntity } from '../users/user.entity.js';

/**
 * A scheduled support session in a room, one-off or weekly. The facilitator's wall-clock start
 * and zone are the truth (a weekly session keeps its local time across DST); `startsAt` is the
 * first occurrence in UTC and `endsAt` the last occurrence's end, for range queries.
 */
@Entity({ name: 'support_sessions' })
@Index(['roomId', 'endsAt'])
export class SupportSessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  roomId: string;

  @ManyToOne(() => RoomEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'room_id' })
  room?: Relation<RoomEntity>;

  @Column({ type: 'uuid' })
  facilitatorId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'facilitator_id' })
  facilitator?: Relation<UserEntity>;

  @Column({ type: 'varchar', length: 120 })
  title: string;

  @Column({ type: 'varchar', length: 2000, default: '' })
  description: string;

  @Column({ type: 'varchar', length: 64 })
  timeZone: string;

  /** `YYYY-MM-DDTHH:mm` in `timeZone`: the first occurrence as the facilitator set it. */
  @Column({ type: 'varchar', length: 16 })
  localStart: string;

  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Column({ type: 'timestamptz' })
  endsAt: Date;

  @Column({ type: 'int' })
  durationMinutes: number;

  @Column({ type: 'int', default: 1 })
  weeks: number;

  @Column({ type: 'int' })
  capacity: number;

  @Column({ type: 'int', default: 0 })
  lateJoinMinutes: number;

  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
