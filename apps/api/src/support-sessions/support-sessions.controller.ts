import { Body, Controller, Delete, Get, Header, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post, Put } from '@nestjs/common';
import { ApiCookieAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { LiveSessionResponse, RoomSessionsView, RsvpResponse, SupportSessionView } from '@kindred/contracts';
import { AccessService } from '../access/access.service.js';
import { Action } from '../access/actions.js';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentAuth } from '../auth/current-auth.decorator.js';
import { ScheduleSessionDto, UpdateSessionDto } from './dto/support-session.dto.js';
import { SessionModeService } from './session-mode.service.js';
import { SessionCalendarService } from './session-calendar.service.js';
import { SupportSessionsService } from './support-sessions.service.js';

const ROOM = 'room';
const ID = 'id';

/** Support sessions of one room; `:room` is its id or slug. */
@ApiTags('support-sessions')
@ApiCookieAuth()
@Controller(`rooms/:${ROOM}/sessions`)
export class SupportSessionsController {
  constructor(
    private readonly access: AccessService,
    private readonly sessions: SupportSessionsService,
    private readonly mode: SessionModeService,
  ) {}

  @Get()
  async list(@CurrentAuth() auth: AuthContext, @Param(ROOM) room: string): Promise<RoomSessionsView> {
    return this.sessions.list(await this.access.require({ user: auth.user, action: Action.SessionsRead, roomId: room }));
  }

  @Post()
  async schedule(@CurrentAuth() auth: AuthContext, @Param(ROOM) room: string, @Body() dto: ScheduleSessionDto): Promise<SupportSessionView> {
    return this.sessions.schedule(await this.access.require({ user: auth.user, action: Action.SessionsFacilitate, roomId: room }), dto);
  }

  /** The session running in the room now (session mode), or null: for a member opening the chat mid-session. */
  @Get('live')
  async live(@CurrentAuth() auth: AuthContext, @Param(ROOM) room: string): Promise<LiveSessionResponse> {
    const grant = await this.access.require({ user: auth.user, action: Action.SessionsRead, roomId: room });
    return { mode: await this.mode.live(grant.room!.id, auth.user.id) };
  }

  @Get(`:${ID}`)
  async get(@CurrentAuth() auth: AuthContext, @Param(ROOM) room: string, @Param(ID, new ParseUUIDPipe()) id: string): Promise<SupportSessionView> {
    return this.sessions.get(await this.access.require({ user: auth.user, action: Action.SessionsRead, roomId: room }), id);
  }

  @Patch(`:${ID}`)
  async update(@CurrentAuth() auth: AuthContext, @Param(ROOM) room: string, @Param(ID, new ParseUUIDPipe()) id: string, @Body() dto: UpdateSessionDto): Promise<SupportSessionView> {
    return this.sessions.update(await this.access.require({ user: auth.user, action: Action.SessionsFacilitate, roomId: room }), id, dto);
  }

  @Delete(`:${ID}`)
  @HttpCode(HttpStatus.NO_CONTENT)
  async cancel(@CurrentAuth() auth: AuthContext, @Param(ROOM) room: string, @Param(ID, new ParseUUIDPipe()) id: string): Promise<void> {
    await this.sessions.cancel(await this.access.require({ user: auth.user, action: Action.SessionsFacilitate, roomId: room }), id);
  }

  @Put(`:${ID}/rsvp`)
  async rsvp(@CurrentAuth() auth: AuthContext, @Param(ROOM) room: string, @Param(ID, new ParseUUIDPipe()) id: string): Promise<RsvpResponse> {
    return this.sessions.rsvp(await this.access.require({ user: auth.user, action: Action.SessionsRsvp, roomId: room }), id);
  }

  @Delete(`:${ID}/rsvp`)
  async withdraw(@CurrentAuth() auth: AuthContext, @Param(ROOM) room: string, @Param(ID, new ParseUUIDPipe()) id: string): Promise<RsvpResponse> {
    return this.sessions.withdraw(await this.access.require({ user: auth.user, action: Action.SessionsRead, roomId: room }), id);
  }
}

/** The member's own calendar file: every session they RSVPed to, served by Kindred itself. */
@ApiTags('support-sessions')
@ApiCookieAuth()
@Controller('sessions')
export class SessionCalendarController {
  constructor(
    private readonly access: AccessService,
    private readonly calendar: SessionCalendarService,
  ) {}

  @Get('calendar.ics')
  @ApiProduces('text/calendar')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="kindred-sessions.ics"')
  async calendarFile(@CurrentAuth() auth: AuthContext): Promise<string> {
    return this.calendar.fileFor(await this.access.require({ user: auth.user, action: Action.AccountRead }));
  }
}
