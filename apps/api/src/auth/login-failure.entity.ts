import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Failed sign-in counters, kept in PostgreSQL so every API instance sees the same counts.
 * Keys are `pair:<handle>|<ip>`, `ip:<ip>` and `handle:<handle>`.
 */
@Entity({ name: 'login_failures' })
export class LoginFailureEntity {
  @PrimaryColumn({ type: 'varchar', length: 200 })
  key: string;

  @Column({ type: 'int' })
  failures: number;

  @Column({ type: 'timestamptz' })
  windowStartedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;
}
