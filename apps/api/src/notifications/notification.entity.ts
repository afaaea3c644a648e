import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Private messages from Kindred to one member: moderation outcomes, held-post and join-request decisions. */
@Entity({ name: 'notifications' })
@Index(['userId', 'createdAt'])
// Reply notices are batched: one unread per member and thread, a new reply raises its count.
@Index('IDX_notifications_reply_batch', ['userId', 'link'], { unique: true, where: "kind = 'reply' AND read_at IS NULL" })
// So are notices of new threads in a followed room: one unread per member and room.
@Index('IDX_notifications_room_thread_batch', ['userId', 'link'], { unique: true, where: "kind = 'room-thread' AND read_at IS NULL" })
// Reply and mention notices by link, equality or prefix (text_pattern_ops, kept by its migration).
@Index('IDX_notifications_thread_link', { synchronize: false })
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @Column({ type: 'varchar', length: 32 })
  kind: string;

  /** What the notice says, rendered by the app in the member's language (`NoticeContent`). */
  @Column({ type: 'varchar', length: 40 })
  code: string;

  @Column({ type: 'jsonb' })
  params: Record<string, unknown>;

  /** The same in English, for clients older than codes. */
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'varchar', length: 2000 })
  body: string;

  @Column({ type: 'varchar', length: 300, nullable: true })
  link: string | null;

  /** The moderation log entry this notice is about; the member may appeal it. */
  @Column({ type: 'uuid', nullable: true })
  logEntryId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  readAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
