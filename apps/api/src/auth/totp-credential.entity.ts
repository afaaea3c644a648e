import { Column, CreateDateColumn, Entity, JoinColumn, OneToOne, PrimaryColumn, type Relation } from 'typeorm';
import { UserEntity } from '../users/user.entity.js';

/** A member's authenticator-app secret, encrypted (see totp-secret.ts); at most one per member. */
@Entity({ name: 'totp_credentials' })
export class TotpCredentialEntity {
  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @OneToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<UserEntity>;

  @Column({ type: 'text' })
  secretEncrypted: string;

  /** Null while setting up: the secret only protects sign-in once a first code confirmed it. */
  @Column({ type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;

  /** The last 30-second time step a code was accepted for: no code works twice. */
  @Column({ type: 'bigint', nullable: true })
  lastUsedStep: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
