import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ADMIN_REASON_MAX_LENGTH,
  CONTENT_WARNING_CATEGORIES,
  JOIN_REQUEST_MESSAGE_MAX_LENGTH,
  JoinPolicy,
  MAX_PREMODERATED_POSTS,
  MAX_SLOW_MODE_SECONDS,
  ROOM_DESCRIPTION_MAX_LENGTH,
  ROOM_GUIDELINES_MAX_LENGTH,
  ROOM_NAME_MAX_LENGTH,
  ROOM_SLUG_MAX_LENGTH,
  ROOM_SLUG_PATTERN_SOURCE,
  RoomVisibility,
  type AppointModeratorRequest,
  type ArchiveRoomRequest,
  type ContentWarningCategory,
  type CreateInviteRequest,
  type CreateRoomRequest,
  type DecideJoinRequest,
  type JoinRoomRequest,
  type RedeemInviteRequest,
  type UpdateRoomRequest,
} from '@kindred/contracts';
import { ArrayMaxSize, Equals, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsOmittable } from '../../common/validation/omittable.js';

const VISIBILITIES = Object.values(RoomVisibility);
const POLICIES = Object.values(JoinPolicy);

/** Optional fields here may be left out but not be null (see IsOmittable): they are copied into NOT NULL columns. */
class RoomSettingsFields {
  @ApiPropertyOptional()
  @IsOmittable()
  @IsBoolean()
  requireContentWarning?: boolean;

  @ApiPropertyOptional({ enum: CONTENT_WARNING_CATEGORIES, isArray: true })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(CONTENT_WARNING_CATEGORIES.length)
  @IsIn(CONTENT_WARNING_CATEGORIES, { each: true })
  defaultWarnings?: ContentWarningCategory[];

  @ApiPropertyOptional({ minimum: 0, maximum: MAX_PREMODERATED_POSTS })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(MAX_PREMODERATED_POSTS)
  premoderateFirstPosts?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: MAX_SLOW_MODE_SECONDS })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(MAX_SLOW_MODE_SECONDS)
  threadSlowModeSeconds?: number;
}

export class UpdateRoomDto extends RoomSettingsFields implements UpdateRoomRequest {
  @ApiPropertyOptional({ maxLength: ADMIN_REASON_MAX_LENGTH, description: 'For the moderation log.' })
  @IsOmittable()
  @IsString()
  @Length(1, ADMIN_REASON_MAX_LENGTH)
  reason?: string;

  @ApiPropertyOptional({ maxLength: ROOM_NAME_MAX_LENGTH })
  @IsOmittable()
  @IsString()
  @Length(3, ROOM_NAME_MAX_LENGTH)
  name?: string;

  @ApiPropertyOptional({ maxLength: ROOM_DESCRIPTION_MAX_LENGTH })
  @IsOmittable()
  @IsString()
  @MaxLength(ROOM_DESCRIPTION_MAX_LENGTH)
  description?: string;

  @ApiPropertyOptional({ maxLength: ROOM_GUIDELINES_MAX_LENGTH, description: 'Markdown.' })
  @IsOmittable()
  @IsString()
  @MaxLength(ROOM_GUIDELINES_MAX_LENGTH)
  guidelines?: string;

  @ApiPropertyOptional({ enum: VISIBILITIES })
  @IsOmittable()
  @IsIn(VISIBILITIES)
  visibility?: RoomVisibility;

  @ApiPropertyOptional({ enum: POLICIES })
  @IsOmittable()
  @IsIn(POLICIES)
  joinPolicy?: JoinPolicy;
}

export class CreateRoomDto extends RoomSettingsFields implements CreateRoomRequest {
  @ApiProperty({ maxLength: ROOM_SLUG_MAX_LENGTH, pattern: ROOM_SLUG_PATTERN_SOURCE })
  @IsString()
  @Length(3, ROOM_SLUG_MAX_LENGTH)
  @Matches(new RegExp(ROOM_SLUG_PATTERN_SOURCE), { message: 'slug may use lower-case letters, digits and single dashes' })
  slug: string;

  @ApiProperty({ maxLength: ROOM_NAME_MAX_LENGTH })
  @IsString()
  @Length(3, ROOM_NAME_MAX_LENGTH)
  name: string;

  @ApiProperty({ maxLength: ROOM_DESCRIPTION_MAX_LENGTH })
  @IsString()
  @MaxLength(ROOM_DESCRIPTION_MAX_LENGTH)
  description: string;

  @ApiProperty({ maxLength: ROOM_GUIDELINES_MAX_LENGTH, description: 'Markdown.' })
  @IsString()
  @MaxLength(ROOM_GUIDELINES_MAX_LENGTH)
  guidelines: string;

  @ApiProperty({ enum: VISIBILITIES })
  @IsIn(VISIBILITIES)
  visibility: RoomVisibility;

  @ApiProperty({ enum: POLICIES })
  @IsIn(POLICIES)
  joinPolicy: JoinPolicy;
}

export class JoinRoomDto implements JoinRoomRequest {
  @ApiProperty({ description: 'Must be true: you have read the room guidelines and accept them.' })
  @Equals(true, { message: 'Please read and accept the room guidelines to join.' })
  acceptGuidelines: boolean;

  @ApiPropertyOptional({ maxLength: 64 })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  inviteCode?: string;

  @ApiPropertyOptional({ maxLength: JOIN_REQUEST_MESSAGE_MAX_LENGTH })
  @IsOptional()
  @IsString()
  @MaxLength(JOIN_REQUEST_MESSAGE_MAX_LENGTH)
  message?: string;
}

export class RedeemInviteDto implements RedeemInviteRequest {
  @ApiProperty({ maxLength: 64 })
  @IsString()
  @Length(1, 64)
  code: string;

  @ApiProperty({ description: 'Must be true: you have read the room guidelines and accept them.' })
  @Equals(true, { message: 'Please read and accept the room guidelines to join.' })
  acceptGuidelines: boolean;
}

export class DecideJoinRequestDto implements DecideJoinRequest {
  @ApiProperty()
  @IsBoolean()
  approve: boolean;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class CreateInviteDto implements CreateInviteRequest {
  @ApiProperty({ minimum: 1, maximum: 24 * 90 })
  @IsInt()
  @Min(1)
  @Max(24 * 90)
  expiresInHours: number;

  @ApiProperty({ minimum: 1, maximum: 1000 })
  @IsInt()
  @Min(1)
  @Max(1000)
  maxUses: number;
}

export class ArchiveRoomDto implements ArchiveRoomRequest {
  @ApiProperty({ maxLength: ADMIN_REASON_MAX_LENGTH })
  @IsString()
  @Length(1, ADMIN_REASON_MAX_LENGTH)
  reason: string;
}

export class AppointModeratorDto implements AppointModeratorRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  userId: string;

  @ApiPropertyOptional({ maxLength: ADMIN_REASON_MAX_LENGTH, description: 'For the moderation log.' })
  @IsOptional()
  @IsString()
  @Length(1, ADMIN_REASON_MAX_LENGTH)
  reason?: string;
}
