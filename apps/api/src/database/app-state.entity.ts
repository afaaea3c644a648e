import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** Small instance-wide facts (e.g. "demo data seeded", the pending setup token's hash). */
@Entity({ name: 'app_state' })
export class AppStateEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  key: string;

  @Column({ type: 'jsonb' })
  value: unknown;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
