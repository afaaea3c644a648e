import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { UserEntity } from '../users/user.entity.js';

/**
 * What a sign-in step in progress needs to finish, kept on the server so it can be used once:
 * the password step waiting for its second step, and a passkey ceremony's challenge.
 */
export const CEREMONY_KINDS = ['pending-login', 'passkey-registration', 'passkey-sign-in'] as const;
export type CeremonyKind = (typeof CEREMONY_KINDS)[number];

@Entity({ name: 'auth_ceremonies' })
export class AuthCeremonyEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 32 })
  kind: CeremonyKind;

  /** A keyed hash of the browser's token (or of the session, for adding a passkey); never the token. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  tokenHash: string;

  /** Who it is for; null while a passkey sign-in does not yet know. */
  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<UserEntity>;

  /** The WebAuthn challenge (base64url) the answer must sign. */
  @Column({ type: 'varchar', length: 128, nullable: true })
  challenge: string | null;

  /** Pruning walks this index. */
  @Index()
  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
