import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import type { CrisisLabelMetricsView, CrisisLabelView, LabelledTextExport } from '@kindred/contracts';
import { AccessService } from '../access/access.service.js';
import { Action } from '../access/actions.js';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentAuth } from '../auth/current-auth.decorator.js';
import { CrisisLabelsService } from './crisis-labels.service.js';
import { CrisisLabelDto, CrisisLabelQueryDto, CrisisLabelReviewDto } from './dto/crisis-labels.dto.js';

/**
 * The crisis detector's learning loop: moderators label words in their rooms, everyone who
 * works the queue sees the detector's figures, and only admins read, review and export the words.
 */
@ApiTags('care')
@ApiCookieAuth()
@Controller()
export class CrisisLabelsController {
  constructor(
    private readonly access: AccessService,
    private readonly labels: CrisisLabelsService,
  ) {}

  @Post('moderation/crisis-labels')
  async mark(@CurrentAuth() auth: AuthContext, @Body() dto: CrisisLabelDto): Promise<CrisisLabelView> {
    return this.labels.mark(await this.workQueue(auth), dto);
  }

  @Get('moderation/crisis-labels/metrics')
  async metrics(@CurrentAuth() auth: AuthContext): Promise<CrisisLabelMetricsView> {
    await this.workQueue(auth);
    return this.labels.metrics();
  }

  @Get('admin/crisis-labels')
  async list(@CurrentAuth() auth: AuthContext, @Query() query: CrisisLabelQueryDto): Promise<CrisisLabelView[]> {
    await this.review(auth);
    return this.labels.list(query.status);
  }

  @Get('admin/crisis-labels/export')
  async export(@CurrentAuth() auth: AuthContext): Promise<LabelledTextExport[]> {
    await this.review(auth);
    return this.labels.export();
  }

  @Post('admin/crisis-labels/:id/review')
  @HttpCode(HttpStatus.OK)
  async decide(@CurrentAuth() auth: AuthContext, @Param('id', new ParseUUIDPipe()) id: string, @Body() dto: CrisisLabelReviewDto): Promise<CrisisLabelView> {
    return this.labels.review(await this.review(auth), id, dto.status);
  }

  private workQueue(auth: AuthContext) {
    return this.access.require({ user: auth.user, action: Action.ModerationQueue });
  }

  private review(auth: AuthContext) {
    return this.access.require({ user: auth.user, action: Action.CrisisLabelsReview });
  }
}
