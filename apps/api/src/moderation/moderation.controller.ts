import { ErrorReason } from '@kindred/contracts';
import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import type { CrisisItemsView, ModerationLogView, MyReportView, QueueItemView } from '@kindred/contracts';
import { Public, RequireAccess } from '../access/access.decorators.js';
import { AccessService } from '../access/access.service.js';
import { SensitiveRateLimit } from '../common/http/rate-limit.js';
import { Action } from '../access/actions.js';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentAuth } from '../auth/current-auth.decorator.js';
import { AppError } from '../common/errors/app-error.js';
import { decodeCursor, encodeCursor, isTimestamp, isUuid } from '../common/pagination/cursor.js';
import { AppealsService } from './appeals.service.js';
import { AppealDto, BannedAppealDto, CreateReportDto, DismissDto, LogQueryDto, ModerationActionDto, ModerationTargetParams, QueueNoteDto, QueueQueryDto } from './dto/moderation.dto.js';
import { ModerationActionsService } from './moderation-actions.service.js';
import { ModerationLogService } from './moderation-log.service.js';
import { QueueService } from './queue.service.js';
import { ReportsService } from './reports.service.js';

const isLogCursor = (v: Record<string, unknown>): v is { at: string; id: string } => isTimestamp(v.at) && isUuid(v.id);

/**
 * @IsISO8601 also accepts forms JavaScript cannot parse (week dates like 2009-W01-1,
 * ordinal dates, 20090519); those became Invalid Date → a 500 from PostgreSQL.
 */
function logDate(value: string, field: 'from' | 'to'): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw AppError.validation('Use a date like 2025-01-31 or 2025-01-31T18:00:00Z.', [{ field, code: 'date.unreadable', problem: 'Not a date we can read.' }], ErrorReason.UnreadableDate);
  return date;
}

@ApiTags('moderation')
@ApiCookieAuth()
@Controller()
export class ModerationController {
  constructor(
    private readonly access: AccessService,
    private readonly reports: ReportsService,
    private readonly queue: QueueService,
    private readonly actions: ModerationActionsService,
    private readonly log: ModerationLogService,
    private readonly appeals: AppealsService,
  ) {}

  @Post('reports')
  @RequireAccess(Action.AccountManage)
  report(@CurrentAuth() auth: AuthContext, @Body() dto: CreateReportDto): Promise<MyReportView> {
    return this.reports.report(auth.user, dto);
  }

  @Get('me/reports')
  @RequireAccess(Action.AccountRead)
  myReports(@CurrentAuth() auth: AuthContext): Promise<MyReportView[]> {
    return this.reports.mine(auth.user);
  }

  /** Actions taken on my content or account; the acting moderator is not named. */
  @Get('me/moderation-log')
  @RequireAccess(Action.AccountRead)
  myLog(@CurrentAuth() auth: AuthContext): Promise<ModerationLogView[]> {
    return this.log.decisionsAbout(auth.user.id, 100);
  }

  @Post('appeals')
  @RequireAccess(Action.AccountManage)
  appeal(@CurrentAuth() auth: AuthContext, @Body() dto: AppealDto): Promise<{ queueItemId: string }> {
    return this.appeals.appeal(auth.user, dto.logEntryId, dto.message);
  }

  @Public()
  @SensitiveRateLimit()
  @Post('appeals/banned')
  appealBan(@Body() dto: BannedAppealDto): Promise<{ queueItemId: string }> {
    return this.appeals.appealBan(dto.handle, dto.password, dto.message);
  }

  @Get('moderation/queue')
  async list(@CurrentAuth() auth: AuthContext, @Query() query: QueueQueryDto): Promise<QueueItemView[]> {
    return this.queue.list(await this.workQueue(auth), query.status ? [query.status] : undefined);
  }

  @Get('moderation/crisis-items')
  async crisisItems(@CurrentAuth() auth: AuthContext): Promise<CrisisItemsView> {
    return this.queue.openCrisisItems(await this.workQueue(auth));
  }

  @Get('moderation/queue/:id')
  async item(@CurrentAuth() auth: AuthContext, @Param('id', new ParseUUIDPipe()) id: string): Promise<QueueItemView> {
    return (await this.queue.get(await this.workQueue(auth), id)).view;
  }

  @Post('moderation/queue/:id/claim')
  @HttpCode(HttpStatus.OK)
  async claim(@CurrentAuth() auth: AuthContext, @Param('id', new ParseUUIDPipe()) id: string): Promise<QueueItemView> {
    return this.queue.claim(await this.workQueue(auth), id, true);
  }

  @Post('moderation/queue/:id/unclaim')
  @HttpCode(HttpStatus.OK)
  async unclaim(@CurrentAuth() auth: AuthContext, @Param('id', new ParseUUIDPipe()) id: string): Promise<QueueItemView> {
    return this.queue.claim(await this.workQueue(auth), id, false);
  }

  @Post('moderation/queue/:id/notes')
  @HttpCode(HttpStatus.OK)
  async note(@CurrentAuth() auth: AuthContext, @Param('id', new ParseUUIDPipe()) id: string, @Body() dto: QueueNoteDto): Promise<QueueItemView> {
    return this.queue.addNote(await this.workQueue(auth), id, dto.body);
  }

  @Post('moderation/queue/:id/dismiss')
  @HttpCode(HttpStatus.NO_CONTENT)
  async dismiss(@CurrentAuth() auth: AuthContext, @Param('id', new ParseUUIDPipe()) id: string, @Body() dto: DismissDto): Promise<void> {
    await this.queue.dismiss(await this.workQueue(auth), id, dto.reason, dto.outcomeForReporters);
  }

  @Post('moderation/:type/:id/actions')
  @HttpCode(HttpStatus.OK)
  act(@CurrentAuth() auth: AuthContext, @Param() target: ModerationTargetParams, @Body() dto: ModerationActionDto): Promise<{ logEntryId: string }> {
    return this.actions.perform(auth.user, target.type, target.id, dto);
  }

  @Get('moderation/log')
  async moderationLog(@CurrentAuth() auth: AuthContext, @Query() query: LogQueryDto): Promise<{ entries: ModerationLogView[]; nextCursor: string | null }> {
    const grant = await this.access.require({ user: auth.user, action: Action.ModerationLogRead });
    const result = await this.log.search({
      rooms: grant.moderatedRooms ? [...grant.moderatedRooms] : undefined,
      roomId: query.room,
      moderatorId: query.moderator,
      memberId: query.member,
      action: query.action,
      from: query.from ? logDate(query.from, 'from') : undefined,
      to: query.to ? logDate(query.to, 'to') : undefined,
      before: query.cursor ? decodeCursor(query.cursor, isLogCursor) : undefined,
      limit: 50,
    });
    return { entries: result.entries, nextCursor: result.last ? encodeCursor(result.last) : null };
  }

  @Get('moderation/members/:id/sanctions')
  async sanctions(@CurrentAuth() auth: AuthContext, @Param('id', new ParseUUIDPipe()) id: string) {
    const grant = await this.access.require({ user: auth.user, action: Action.SanctionsRead });
    return this.queue.sanctionsOf(id, grant.moderatedRooms && [...grant.moderatedRooms]);
  }

  private workQueue(auth: AuthContext) {
    return this.access.require({ user: auth.user, action: Action.ModerationQueue });
  }
}
