import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A member's choice to stop hearing about a thread (no notifications, shown as muted). */
@Entity({ name: 'thread_mutes' })
export class ThreadMuteEntity {
  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @PrimaryColumn({ type: 'uuid' })
  threadId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
