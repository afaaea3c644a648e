import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Patch, Post, Put, Req } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ROOM_MODERATOR_FIELDS, type InviteView, type JoinRequestView, type JoinRoomResponse, type RedeemInviteResponse, type RoomDetail, type RoomModeratorView, type RoomSummary } from '@kindred/contracts';
import type { FastifyRequest } from 'fastify';
import { Public } from '../access/access.decorators.js';
import { SensitiveRateLimit } from '../common/http/rate-limit.js';
import { AccessService } from '../access/access.service.js';
import { Action } from '../access/actions.js';
import type { AuthContext } from '../auth/auth-context.js';
import { CurrentAuth } from '../auth/current-auth.decorator.js';
import { AppointModeratorDto, ArchiveRoomDto, CreateInviteDto, CreateRoomDto, DecideJoinRequestDto, JoinRoomDto, RedeemInviteDto, UpdateRoomDto } from './dto/room.dto.js';
import { RoomSummaryDto } from './dto/room-summary.dto.js';
import { MembershipsService } from './memberships.service.js';
import { RoomsService, settingsIn } from './rooms.service.js';

const ROOM_PARAM = 'room';

@ApiTags('rooms')
@Controller('rooms')
export class RoomsController {
  constructor(
    private readonly access: AccessService,
    private readonly rooms: RoomsService,
    private readonly memberships: MembershipsService,
  ) {}

  /** Public so a newcomer can see what support exists before creating an account. */
  @Public()
  @Get()
  @ApiOkResponse({ type: [RoomSummaryDto] })
  async directory(@Req() req: FastifyRequest): Promise<RoomSummary[]> {
    return this.rooms.directory(await this.access.require({ user: req.auth?.user, action: Action.RoomDirectory }));
  }

  @ApiCookieAuth()
  @Post()
  async create(@CurrentAuth() auth: AuthContext, @Body() dto: CreateRoomDto): Promise<RoomSummaryDto> {
    const grant = await this.access.require({ user: auth.user, action: Action.RoomCreate });
    return RoomSummaryDto.from(await this.rooms.create(grant, dto));
  }

  /** `:room` is the room's id or its slug. Listed rooms are public; hidden ones 404 to outsiders. */
  @Public()
  @Get(`:${ROOM_PARAM}`)
  async detail(@Req() req: FastifyRequest, @Param(ROOM_PARAM) room: string): Promise<RoomDetail> {
    return this.rooms.detail(await this.access.require({ user: req.auth?.user, action: Action.RoomView, roomId: room }));
  }

  @ApiCookieAuth()
  @Patch(`:${ROOM_PARAM}`)
  async update(@CurrentAuth() auth: AuthContext, @Param(ROOM_PARAM) room: string, @Body() dto: UpdateRoomDto): Promise<RoomDetail> {
    const grant = await this.access.require({ user: auth.user, action: Action.RoomConfigure, roomId: room });
    // Room moderators change their room's words, join policy and slow mode; the rest is for staff.
    const moderatorFields: readonly string[] = ROOM_MODERATOR_FIELDS;
    const staffOnly = settingsIn(dto).some((field) => !moderatorFields.includes(field));
    const allowed = staffOnly ? await this.access.require({ user: auth.user, action: Action.RoomAdminister, roomId: room }) : grant;
    await this.rooms.update(allowed, dto);
    return this.rooms.detail(grant);
  }

  @ApiCookieAuth()
  @Post(`:${ROOM_PARAM}/archive`)
  @HttpCode(HttpStatus.NO_CONTENT)
  async archive(@CurrentAuth() auth: AuthContext, @Param(ROOM_PARAM) room: string, @Body() dto: ArchiveRoomDto): Promise<void> {
    await this.rooms.setArchived(await this.access.require({ user: auth.user, action: Action.RoomAdminister, roomId: room }), true, dto.reason);
  }

  @ApiCookieAuth()
  @Post(`:${ROOM_PARAM}/restore`)
  @HttpCode(HttpStatus.NO_CONTENT)
  async restore(@CurrentAuth() auth: AuthContext, @Param(ROOM_PARAM) room: string, @Body() dto: ArchiveRoomDto): Promise<void> {
    await this.rooms.setArchived(await this.access.require({ user: auth.user, action: Action.RoomAdminister, roomId: room }), false, dto.reason);
  }

  @ApiCookieAuth()
  @Get(`:${ROOM_PARAM}/moderators`)
  async moderators(@CurrentAuth() auth: AuthContext, @Param(ROOM_PARAM) room: string): Promise<RoomModeratorView[]> {
    return this.memberships.moderators(await this.access.require({ user: auth.user, action: Action.RoomModerate, roomId: room }));
  }

  @ApiCookieAuth()
  @Post(`:${ROOM_PARAM}/join`)
  @HttpCode(HttpStatus.OK)
  async join(@CurrentAuth() auth: AuthContext, @Param(ROOM_PARAM) room: string, @Body() dto: JoinRoomDto): Promise<JoinRoomResponse> {
    return this.memberships.join(await this.access.require({ user: auth.user, action: Action.RoomJoin, roomId: room }), dto);
  }

  @ApiCookieAuth()
  @Post(`:${ROOM_PARAM}/leave`)
  @HttpCode(HttpStatus.NO_CONTENT)
  async leave(@CurrentAuth() auth: AuthContext, @Param(ROOM_PARAM) room: string): Promise<void> {
    await this.memberships.leave(await this.access.require({ user: auth.user, action: Action.RoomView, roomId: room }));
  }

  @ApiCookieAuth()
  @Get(`:${ROOM_PARAM}/join-requests`)
  async joinRequests(@CurrentAuth() auth: AuthContext, @Param(ROOM_PARAM) room: string): Promise<JoinRequestView[]> {
    return this.memberships.pendingRequests(await this.access.require({ user: auth.user, action: Action.RoomModerate, roomId: room }));
  }

  @ApiCookieAuth()
  @Post(`:${ROOM_PARAM}/join-requests/:id/decision`)
  @HttpCode(HttpStatus.NO_CONTENT)
  async decide(
    @CurrentAuth() auth: AuthContext,
    @Param(ROOM_PARAM) room: string,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: DecideJoinRequestDto,
  ): Promise<void> {
    await this.memberships.decide(await this.access.require({ user: auth.user, action: Action.RoomModerate, roomId: room }), id, dto);
  }

  @ApiCookieAuth()
  @Post(`:${ROOM_PARAM}/invites`)
  async createInvite(@CurrentAuth() auth: AuthContext, @Param(ROOM_PARAM) room: string, @Body() dto: CreateInviteDto): Promise<InviteView> {
    return this.memberships.createInvite(await this.access.require({ user: auth.user, action: Action.RoomModerate, roomId: room }), dto);
  }

  @ApiCookieAuth()
  @Get(`:${ROOM_PARAM}/invites`)
  async invites(@CurrentAuth() auth: AuthContext, @Param(ROOM_PARAM) room: string): Promise<InviteView[]> {
    return this.memberships.listInvites(await this.access.require({ user: auth.user, action: Action.RoomModerate, roomId: room }));
  }

  @ApiCookieAuth()
  @Delete(`:${ROOM_PARAM}/invites/:id`)
  @HttpCode(HttpStatus.NO_CONTENT)
  async revokeInvite(@CurrentAuth() auth: AuthContext, @Param(ROOM_PARAM) room: string, @Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    await this.memberships.revokeInvite(await this.access.require({ user: auth.user, action: Action.RoomModerate, roomId: room }), id);
  }

  @ApiCookieAuth()
  @Put(`:${ROOM_PARAM}/moderators`)
  @HttpCode(HttpStatus.NO_CONTENT)
  async appoint(@CurrentAuth() auth: AuthContext, @Param(ROOM_PARAM) room: string, @Body() dto: AppointModeratorDto): Promise<void> {
    const grant = await this.access.require({ user: auth.user, action: Action.RoomAppointModerators, roomId: room });
    await this.memberships.setModerator(grant, dto.userId, true, dto.reason);
  }

  @ApiCookieAuth()
  @Delete(`:${ROOM_PARAM}/moderators/:userId`)
  @HttpCode(HttpStatus.NO_CONTENT)
  async removeModerator(@CurrentAuth() auth: AuthContext, @Param(ROOM_PARAM) room: string, @Param('userId', new ParseUUIDPipe()) userId: string): Promise<void> {
    const grant = await this.access.require({ user: auth.user, action: Action.RoomAppointModerators, roomId: room });
    await this.memberships.setModerator(grant, userId, false);
  }
}

/**
 * Redeeming an invite code needs no room id: the code says which room, so hidden rooms
 * can be joined without ever being visible to outsiders.
 */
@ApiTags('rooms')
@ApiCookieAuth()
@Controller('invites')
export class InvitesController {
  constructor(
    private readonly access: AccessService,
    private readonly memberships: MembershipsService,
  ) {}

  @Post('redeem')
  @HttpCode(HttpStatus.OK)
  @SensitiveRateLimit()
  async redeem(@CurrentAuth() auth: AuthContext, @Body() dto: RedeemInviteDto): Promise<RedeemInviteResponse> {
    const roomId = await this.memberships.roomForCode(dto.code);
    const grant = await this.access.require({ user: auth.user, action: Action.RoomRedeemInvite, roomId });
    const { outcome } = await this.memberships.join(grant, { acceptGuidelines: true, inviteCode: dto.code });
    return { outcome, room: RoomSummaryDto.from(grant.room!) };
  }
}
