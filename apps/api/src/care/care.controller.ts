import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import type { AuthorView, CareTemplateView, CheckInView } from '@kindred/contracts';
import { RequireAccess } from '../access/access.decorators.js';
import { AccessService } from '../access/access.service.js';
import { Action } from '../access/actions.js';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentAuth } from '../auth/current-auth.decorator.js';
import { CareTemplatesService } from './care-templates.service.js';
import { CheckInsService } from './check-ins.service.js';
import { CrisisCareService } from './crisis-care.service.js';
import { CareTemplateDto, CheckInDto, CheckInReplyDto, HandOverDto, MarkSupportedDto, NotACrisisDto } from './dto/care.dto.js';

/** Crisis care: moderators' responses to a crisis item, their templates, and the member's check-ins. */
@ApiTags('care')
@ApiCookieAuth()
@Controller()
export class CareController {
  constructor(
    private readonly access: AccessService,
    private readonly crisisCare: CrisisCareService,
    private readonly templates: CareTemplatesService,
    private readonly checkIns: CheckInsService,
  ) {}

  @Get('moderation/care-templates')
  async listTemplates(@CurrentAuth() auth: AuthContext): Promise<CareTemplateView[]> {
    return this.templates.list(await this.workQueue(auth));
  }

  @Post('moderation/care-templates')
  async createTemplate(@CurrentAuth() auth: AuthContext, @Body() dto: CareTemplateDto): Promise<CareTemplateView> {
    return this.templates.create(await this.manageTemplates(auth), dto);
  }

  @Put('moderation/care-templates/:id')
  async updateTemplate(@CurrentAuth() auth: AuthContext, @Param('id', new ParseUUIDPipe()) id: string, @Body() dto: CareTemplateDto): Promise<CareTemplateView> {
    return this.templates.update(await this.manageTemplates(auth), id, dto);
  }

  @Delete('moderation/care-templates/:id')
  @HttpCode(HttpStatus.NO_CONTENT)
  async retireTemplate(@CurrentAuth() auth: AuthContext, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    await this.templates.retire(await this.manageTemplates(auth), id);
  }

  @Get('moderation/queue/:id/check-ins')
  async itemCheckIns(@CurrentAuth() auth: AuthContext, @Param('id', new ParseUUIDPipe()) id: string): Promise<CheckInView[]> {
    return this.crisisCare.checkInsOf(await this.workQueue(auth), id);
  }

  @Post('moderation/queue/:id/check-ins')
  async checkIn(@CurrentAuth() auth: AuthContext, @Param('id', new ParseUUIDPipe()) id: string, @Body() dto: CheckInDto): Promise<CheckInView> {
    return this.crisisCare.checkIn(await this.workQueue(auth), id, dto);
  }

  @Post('moderation/queue/:id/supported')
  @HttpCode(HttpStatus.NO_CONTENT)
  async markSupported(@CurrentAuth() auth: AuthContext, @Param('id', new ParseUUIDPipe()) id: string, @Body() dto: MarkSupportedDto): Promise<void> {
    await this.crisisCare.markSupported(await this.workQueue(auth), id, dto.note);
  }

  /** Who the item can be handed over to. */
  @Get('moderation/queue/:id/carers')
  async carers(@CurrentAuth() auth: AuthContext, @Param('id', new ParseUUIDPipe()) id: string): Promise<AuthorView[]> {
    return this.crisisCare.carers(await this.workQueue(auth), id);
  }

  @Post('moderation/queue/:id/hand-over')
  @HttpCode(HttpStatus.NO_CONTENT)
  async handOver(@CurrentAuth() auth: AuthContext, @Param('id', new ParseUUIDPipe()) id: string, @Body() dto: HandOverDto): Promise<void> {
    await this.crisisCare.handOver(await this.workQueue(auth), id, dto);
  }

  @Post('moderation/queue/:id/not-a-crisis')
  @HttpCode(HttpStatus.NO_CONTENT)
  async notACrisis(@CurrentAuth() auth: AuthContext, @Param('id', new ParseUUIDPipe()) id: string, @Body() dto: NotACrisisDto): Promise<void> {
    await this.crisisCare.notACrisis(await this.workQueue(auth), id, dto.note);
  }

  @Get('me/check-ins')
  @RequireAccess(Action.AccountRead)
  myCheckIns(@CurrentAuth() auth: AuthContext): Promise<CheckInView[]> {
    return this.checkIns.mine(auth.user);
  }

  @Get('me/check-ins/:id')
  @RequireAccess(Action.AccountRead)
  myCheckIn(@CurrentAuth() auth: AuthContext, @Param('id', new ParseUUIDPipe()) id: string): Promise<CheckInView> {
    return this.checkIns.one(auth.user, id);
  }

  @Post('me/check-ins/:id/replies')
  @RequireAccess(Action.AccountManage)
  reply(@CurrentAuth() auth: AuthContext, @Param('id', new ParseUUIDPipe()) id: string, @Body() dto: CheckInReplyDto): Promise<CheckInView> {
    return this.checkIns.reply(auth.user, id, dto.body);
  }

  private workQueue(auth: AuthContext) {
    return this.access.require({ user: auth.user, action: Action.ModerationQueue });
  }

  private manageTemplates(auth: AuthContext) {
    return this.access.require({ user: auth.user, action: Action.CareTemplatesManage });
  }
}
