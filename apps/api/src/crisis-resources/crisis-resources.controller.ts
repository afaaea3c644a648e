import { Controller, Get, Query, Req } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { CrisisCountriesView, CrisisResourcesView } from '@kindred/contracts';
import type { FastifyRequest } from 'fastify';
import { Public } from '../access/access.decorators.js';
import { CrisisResourcesQueryDto } from './dto/crisis-resources-query.dto.js';
import { CrisisResourcesService, FALLBACK_LANGUAGE, primaryLanguage } from './crisis-resources.service.js';

/**
 * Public on purpose: someone looking for help must find it signed out, suspended or banned.
 * Signed in, the member's own country (from settings) is the default.
 */
@ApiTags('crisis-resources')
@Controller('crisis-resources')
export class CrisisResourcesController {
  constructor(private readonly resources: CrisisResourcesService) {}

  @Public()
  @Get()
  @ApiCookieAuth()
  @ApiOkResponse({ description: "The country's resources first, then the international ones." })
  list(@Req() req: FastifyRequest, @Query() query: CrisisResourcesQueryDto): Promise<CrisisResourcesView> {
    const language = query.lang ? primaryLanguage(query.lang) : undefined;
    if (req.auth) return this.resources.forMember(req.auth.user.id, { country: query.country, language });
    return this.resources.resolve(query.country ?? null, language ?? FALLBACK_LANGUAGE);
  }

  @Public()
  @Get('countries')
  async countries(): Promise<CrisisCountriesView> {
    return { countries: await this.resources.countries() };
  }
}
