import { Role, WHO_CAN_MESSAGE_ME_DEFAULT, type Language, type WhoCanMessageMe } from '@kindred/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'users' })
// The mention autocomplete's prefix match (`handle_key LIKE 'ab%'`); varchar_pattern_ops is beyond decorators, so the migration owns it.
@Index('IDX_users_handle_prefix', { synchronize: false })
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** As the member typed it; shown to others. */
  @Column({ type: 'varchar', length: 32 })
  handle: string;

  /** Lower-cased handle: uniqueness and look-ups are case-insensitive. */
  @Column({ type: 'varchar', length: 32, unique: true })
  handleKey: string;

  @Column({ type: 'text' })
  passwordHash: string;

  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  @Column({ type: 'varchar', length: 16, default: Role.Member })
  role: Role;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  passwordChangedAt: Date;

  /** Whether others see this member in chat presence lists. */
  @Column({ type: 'boolean', default: true })
  showPresence: boolean;

  /** Whether others see "… is typing". */
  @Column({ type: 'boolean', default: true })
  showTyping: boolean;

  /** Who may mention this member: everyone, people in the member's rooms, or nobody. */
  @Column({ type: 'varchar', length: 16, default: 'rooms' })
  mentionsFrom: 'everyone' | 'rooms' | 'nobody';

  /** Who may start a private conversation with this member: nobody, people in their rooms, or anyone. */
  @Column({ type: 'varchar', length: 16, default: WHO_CAN_MESSAGE_ME_DEFAULT })
  whoCanMessageMe: WhoCanMessageMe;

  /** Shows "seen" in one-to-one conversations, only when the other person turned it on too. */
  @Column({ type: 'boolean', default: false })
  readReceipts: boolean;

  /** The language the member chose for Kindred; null follows their browser. */
  @Column({ type: 'varchar', length: 8, nullable: true })
  language: Language | null;

  /** ISO 3166-1 alpha-2, chosen by the member (never inferred): whose crisis resources they see. */
  @Column({ type: 'varchar', length: 2, nullable: true })
  country: string | null;

  /** Set when the account is deleted: the row stays so content can read "former member". */
  @Column({ type: 'timestamptz', nullable: true })
  deletedAt: Date | null;
}
