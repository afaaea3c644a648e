import { RegistrationMode, type CrisisResourceInput } from '@kindred/contracts';
import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/** The one row of site-wide settings admins change at run time (id is always 1). */
@Entity({ name: 'site_settings' })
@Check('CHK_site_settings_single_row', `"id" = 1`)
export class SiteSettingsEntity {
  @PrimaryColumn({ type: 'smallint' })
  id: number;

  @Column({ type: 'varchar', length: 16, default: RegistrationMode.Open })
  registrationMode: RegistrationMode;

  @Column({ type: 'boolean', default: false })
  demoNotice: boolean;

  /** Crisis resources per country that replace the configured ones for that country. */
  @Column({ type: 'jsonb', default: () => `'{}'` })
  crisisOverrides: Record<string, CrisisResourceInput[]>;

  @Column({ type: 'uuid', nullable: true })
  updatedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  updatedAt: Date | null;
}
