import { Injectable } from '@nestjs/common';
import type { CareTemplateView } from '@kindred/contracts';
import type { AccessGrant } from '../access/access.service.js';
import { AppError } from '../common/errors/app-error.js';
import type { CareTemplateEntity } from './care-template.entity.js';
import { CareRepository } from './care.repository.js';
import type { CareTemplateDto } from './dto/care.dto.js';

const view = (t: CareTemplateEntity): CareTemplateView => ({ id: t.id, title: t.title, body: t.body, updatedAt: t.updatedAt.toISOString() });

/** Check-in templates: every moderator reads them, admins write them (the grant says which). */
@Injectable()
export class CareTemplatesService {
  constructor(private readonly care: CareRepository) {}

  async list(_grant: AccessGrant): Promise<CareTemplateView[]> {
    return (await this.care.templates()).map(view);
  }

  async create(_grant: AccessGrant, dto: CareTemplateDto): Promise<CareTemplateView> {
    return view(await this.care.createTemplate({ title: dto.title.trim(), body: dto.body.trim() }));
  }

  async update(_grant: AccessGrant, id: string, dto: CareTemplateDto): Promise<CareTemplateView> {
    const updated = await this.care.updateTemplate(id, { title: dto.title.trim(), body: dto.body.trim() });
    if (!updated) throw AppError.notFound('No such check-in template.');
    return view(updated);
  }

  /** Retired, not deleted: the log may mention it by id. */
  async retire(_grant: AccessGrant, id: string): Promise<void> {
    if (!(await this.care.updateTemplate(id, { archived: true }))) throw AppError.notFound('No such check-in template.');
  }
}
