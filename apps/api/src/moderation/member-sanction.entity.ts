import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type SanctionKind = 'mute' | 'suspend' | 'ban';

/**
 * Mutes (one room), suspensions (site-wide, with an end) and bans (site-wide, no end).
 * Active while `lifted_at` is null and `expires_at` is null or in the future.
 */
@Entity({ name: 'member_sanctions' })
@Index(['userId', 'liftedAt'])
export class MemberSanctionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  /** Null for site-wide sanctions. */
  @Column({ type: 'uuid', nullable: true })
  roomId: string | null;

  @Column({ type: 'varchar', length: 16 })
  kind: SanctionKind;

  @Column({ type: 'varchar', length: 500 })
  reason: string;

  @Column({ type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  liftedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  liftedBy: string | null;
}
