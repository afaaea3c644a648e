import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { UserEntity } from '../users/user.entity.js';

/** A member's passkey (WebAuthn credential): the public key only; the private key never leaves their device. */
@Entity({ name: 'passkeys' })
export class PasskeyEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<UserEntity>;

  /** The authenticator's credential id (base64url); sign-in finds the passkey by it. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 1400 })
  credentialId: string;

  @Column({ type: 'bytea' })
  publicKey: Buffer;

  /** The authenticator's signature counter: a lower one than stored means a cloned or replayed answer. */
  @Column({ type: 'bigint', default: 0 })
  counter: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  transports: string[];

  /** The opaque WebAuthn user handle (base64url) given at registration; no personal data. */
  @Column({ type: 'varchar', length: 100 })
  webauthnUserId: string;

  @Column({ type: 'varchar', length: 60 })
  name: string;

  @Column({ type: 'boolean', default: false })
  backedUp: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;
}
