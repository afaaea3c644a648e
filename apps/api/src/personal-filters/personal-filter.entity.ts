import type { PersonalFilterMode } from '@kindred/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One of a member's private words or phrases. Only its owner ever reads it: never in another
 * member's or a moderator's response, never logged, in their export, gone with their account.
 */
@Entity({ name: 'personal_filters' })
// The same words twice (after normalisation) would be two rows doing one thing.
@Index('UQ_personal_filters_user_words', ['userId', 'words'], { unique: true })
export class PersonalFilterEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @Column({ type: 'varchar', length: 100 })
  phrase: string;

  /** The phrase's normalised words joined by one space: what "the same filter" means. */
  @Column({ type: 'varchar', length: 200 })
  words: string;

  @Column({ type: 'varchar', length: 8 })
  mode: PersonalFilterMode;

  @Column({ type: 'boolean', default: true })
  wholeWord: boolean;

  @Column({ type: 'varchar', length: 60, nullable: true })
  label: string | null;

  /** The filter as a PostgreSQL pattern over normalised text: live chat asks who it reaches in one statement. */
  @Column({ type: 'text' })
  sqlPattern: string;

  /** Letters every match contains (see fixedPart): live chat looks for them before running the pattern. */
  @Column({ type: 'varchar', length: 200 })
  fixedPart: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
