import { Injectable } from '@nestjs/common';
import { RegistrationMode } from '@kindred/contracts';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { SiteSettingsEntity } from './site-settings.entity.js';

const THE_ROW = 1;

export type SiteSettingsChange = Partial<Pick<SiteSettingsEntity, 'registrationMode' | 'demoNotice' | 'crisisOverrides'>>;

/** Owner of `site_settings`: one row, created on the first change (until then the defaults apply). */
@Injectable()
export class SiteSettingsRepository {
  constructor(@InjectRepository(SiteSettingsEntity) private readonly rows: Repository<SiteSettingsEntity>) {}

  async read(): Promise<SiteSettingsEntity> {
    return (await this.rows.findOneBy({ id: THE_ROW })) ?? this.rows.create({ id: THE_ROW, registrationMode: RegistrationMode.Open, demoNotice: false, crisisOverrides: {}, updatedBy: null, updatedAt: null });
  }

  async change(change: SiteSettingsChange, updatedBy: string, at: Date): Promise<void> {
    await this.rows.upsert({ id: THE_ROW, ...change, updatedBy, updatedAt: at }, { conflictPaths: ['id'] });
  }

  /** One country's override replaced (or dropped with `null`) in one statement, so two admins editing different countries do not undo each other. */
  async setCountry(country: string, resources: unknown[] | null, updatedBy: string, at: Date): Promise<void> {
    await this.rows.query(
      `INSERT INTO site_settings (id, crisis_overrides, updated_by, updated_at)
       VALUES ($1, CASE WHEN $3::jsonb IS NULL THEN '{}'::jsonb ELSE jsonb_build_object($2::text, $3::jsonb) END, $4, $5)
       ON CONFLICT (id) DO UPDATE SET
         crisis_overrides = CASE WHEN $3::jsonb IS NULL THEN site_settings.crisis_overrides - $2::text
                                 ELSE site_settings.crisis_overrides || jsonb_build_object($2::text, $3::jsonb) END,
         updated_by = $4, updated_at = $5`,
      [THE_ROW, country, resources === null ? null : JSON.stringify(resources), updatedBy, at],
    );
  }
}
