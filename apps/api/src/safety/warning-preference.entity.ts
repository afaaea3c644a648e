import type { ContentWarningCategory, WarningPreference } from '@kindred/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Only choices that differ from the default (`warn`) need a row. */
@Entity({ name: 'warning_preferences' })
export class WarningPreferenceEntity {
  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @PrimaryColumn({ type: 'varchar', length: 32 })
  category: ContentWarningCategory;

  @Column({ type: 'varchar', length: 8 })
  preference: WarningPreference;
}
