import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * A member's notification choices, one row once they change anything (no row = every default,
 * all on). In-app notices only; see NOTICE_SETTING_OF for which kinds each switch covers.
 */
@Entity({ name: 'notification_settings' })
export class NotificationSettingsEntity {
  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  /** Follow a thread on starting or replying to it. */
  @Column({ type: 'boolean', default: true })
  autoFollow: boolean;

  @Column({ type: 'boolean', default: true })
  replies: boolean;

  @Column({ type: 'boolean', default: true })
  mentions: boolean;

  @Column({ type: 'boolean', default: true })
  roomThreads: boolean;

  @Column({ type: 'boolean', default: true })
  moderation: boolean;

  @Column({ type: 'boolean', default: true })
  care: boolean;

  @Column({ type: 'boolean', default: true })
  sessions: boolean;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
