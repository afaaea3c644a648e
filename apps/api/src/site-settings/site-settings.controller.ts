import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { PublicSiteView } from '@kindred/contracts';
import { Public } from '../access/access.decorators.js';
import { SiteSettingsService } from './site-settings.service.js';

@ApiTags('site')
@Controller('site')
export class SiteSettingsController {
  constructor(private readonly site: SiteSettingsService) {}

  /** Public: the register page says whether it needs an invite code, or is closed, before anyone types. */
  @Public()
  @Get()
  view(): Promise<PublicSiteView> {
    return this.site.publicView();
  }
}
