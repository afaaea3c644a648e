import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  MODERATION_REASON_MAX_LENGTH,
  PASSWORD_MAX_LENGTH,
  ModerationActionType,
  QueueItemStatus,
  REPORT_NOTE_MAX_LENGTH,
  ReportCategory,
  ReportTargetType,
  type AppealRequest,
  type CreateReportRequest,
  type ModerationActionRequest,
} from '@kindred/contracts';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min, IsISO8601 } from 'class-validator';
import { ContentWarningDto, OptionalWarning } from '../../posts/dto/content-warning.dto.js';

const TARGETS = Object.values(ReportTargetType);

export class CreateReportDto implements CreateReportRequest {
  @ApiProperty({ enum: TARGETS })
  @IsIn(TARGETS)
  targetType: ReportTargetType;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  targetId: string;

  @ApiProperty({ enum: Object.values(ReportCategory) })
  @IsIn(Object.values(ReportCategory))
  category: ReportCategory;

  @ApiPropertyOptional({ maxLength: REPORT_NOTE_MAX_LENGTH })
  @IsOptional()
  @IsString()
  @MaxLength(REPORT_NOTE_MAX_LENGTH)
  note?: string;
}

// A @Param() class is described only by @ApiProperty; without it the path lost {type} and {id}.
export class ModerationTargetParams {
  @ApiProperty({ enum: TARGETS })
  @IsIn(TARGETS)
  type: ReportTargetType;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;
}

export class ModerationActionDto implements ModerationActionRequest {
  @ApiProperty({ enum: Object.values(ModerationActionType) })
  @IsIn(Object.values(ModerationActionType))
  action: ModerationActionType;

  @ApiProperty({ minLength: 3, maxLength: MODERATION_REASON_MAX_LENGTH, description: 'Every action needs a reason.' })
  @IsString()
  @Length(3, MODERATION_REASON_MAX_LENGTH)
  reason: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  queueItemId?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 525_600 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(525_600)
  durationMinutes?: number;

  @ApiPropertyOptional({ description: 'For move: the destination room (id or slug).' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  toRoomId?: string;

  @ApiPropertyOptional({ description: 'For member actions in a room (mute, warn, lift a mute): the room id.' })
  @IsOptional()
  @IsUUID()
  roomId?: string;

  @OptionalWarning()
  warning?: ContentWarningDto;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  sanctionId?: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  outcomeForReporters?: string;
}

export class QueueQueryDto {
  @ApiPropertyOptional({ enum: Object.values(QueueItemStatus) })
  @IsOptional()
  @IsIn(Object.values(QueueItemStatus))
  status?: QueueItemStatus;
}

export class QueueNoteDto {
  @ApiProperty({ maxLength: 2000 })
  @IsString()
  @Length(1, 2000)
  body: string;
}

export class DismissDto {
  @ApiProperty({ maxLength: MODERATION_REASON_MAX_LENGTH })
  @IsString()
  @Length(3, MODERATION_REASON_MAX_LENGTH)
  reason: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  outcomeForReporters?: string;
}

export class AppealDto implements AppealRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  logEntryId: string;

  @ApiProperty({ maxLength: 1000 })
  @IsString()
  @Length(3, 1000)
  message: string;
}

export class LogQueryDto {
  @IsOptional() @IsUUID() room?: string;
  @IsOptional() @IsUUID() moderator?: string;
  @IsOptional() @IsUUID() member?: string;
  @IsOptional() @IsString() @MaxLength(48) action?: string;
  @IsOptional() @IsISO8601() from?: string;
  @IsOptional() @IsISO8601() to?: string;
  @IsOptional() @IsString() @MaxLength(512) cursor?: string;
}

/** A banned member cannot sign in, so the appeal proves who they are with their password. */
export class BannedAppealDto {
  @ApiProperty({ maxLength: 32 })
  @IsString()
  @Length(1, 32)
  handle: string;

  @ApiProperty({ format: 'password' })
  @IsString()
  @Length(1, PASSWORD_MAX_LENGTH)
  password: string;

  @ApiProperty({ maxLength: 1000 })
  @IsString()
  @Length(3, 1000)
  message: string;
}
