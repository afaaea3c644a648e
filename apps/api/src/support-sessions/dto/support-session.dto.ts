import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  LOCAL_DATE_TIME_PATTERN_SOURCE,
  SESSION_DESCRIPTION_MAX_LENGTH,
  SESSION_MAX_CAPACITY,
  SESSION_MAX_DURATION_MINUTES,
  SESSION_MAX_LATE_JOIN_MINUTES,
  SESSION_MAX_WEEKS,
  SESSION_MIN_DURATION_MINUTES,
  SESSION_TITLE_MAX_LENGTH,
  type ScheduleSessionRequest,
  type UpdateSessionRequest,
} from '@kindred/contracts';
import { IsInt, IsString, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsOmittable } from '../../common/validation/omittable.js';

const LOCAL_DATE_TIME = new RegExp(LOCAL_DATE_TIME_PATTERN_SOURCE);

export class ScheduleSessionDto implements ScheduleSessionRequest {
  @ApiProperty({ maxLength: SESSION_TITLE_MAX_LENGTH })
  @IsString()
  @Length(3, SESSION_TITLE_MAX_LENGTH)
  title: string;

  @ApiPropertyOptional({ maxLength: SESSION_DESCRIPTION_MAX_LENGTH })
  @IsOmittable()
  @IsString()
  @MaxLength(SESSION_DESCRIPTION_MAX_LENGTH)
  description?: string;

  @ApiProperty({ example: '2027-03-20T18:00', description: 'Wall-clock start in `timeZone`.' })
  @IsString()
  @Matches(LOCAL_DATE_TIME)
  localStart: string;

  @ApiProperty({ example: 'Europe/Madrid', maxLength: 64 })
  @IsString()
  @MaxLength(64)
  timeZone: string;

  @ApiProperty({ minimum: SESSION_MIN_DURATION_MINUTES, maximum: SESSION_MAX_DURATION_MINUTES })
  @IsInt()
  @Min(SESSION_MIN_DURATION_MINUTES)
  @Max(SESSION_MAX_DURATION_MINUTES)
  durationMinutes: number;

  @ApiPropertyOptional({ minimum: 1, maximum: SESSION_MAX_WEEKS, default: 1 })
  @IsOmittable()
  @IsInt()
  @Min(1)
  @Max(SESSION_MAX_WEEKS)
  weeks?: number;

  @ApiProperty({ minimum: 1, maximum: SESSION_MAX_CAPACITY })
  @IsInt()
  @Min(1)
  @Max(SESSION_MAX_CAPACITY)
  capacity: number;

  @ApiPropertyOptional({ minimum: 0, maximum: SESSION_MAX_LATE_JOIN_MINUTES, default: 0 })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(SESSION_MAX_LATE_JOIN_MINUTES)
  lateJoinMinutes?: number;
}

export class UpdateSessionDto implements UpdateSessionRequest {
  @ApiPropertyOptional({ maxLength: SESSION_TITLE_MAX_LENGTH })
  @IsOmittable()
  @IsString()
  @Length(3, SESSION_TITLE_MAX_LENGTH)
  title?: string;

  @ApiPropertyOptional({ maxLength: SESSION_DESCRIPTION_MAX_LENGTH })
  @IsOmittable()
  @IsString()
  @MaxLength(SESSION_DESCRIPTION_MAX_LENGTH)
  description?: string;

  @ApiPropertyOptional({ example: '2027-03-20T18:00' })
  @IsOmittable()
  @IsString()
  @Matches(LOCAL_DATE_TIME)
  localStart?: string;

  @ApiPropertyOptional({ maxLength: 64 })
  @IsOmittable()
  @IsString()
  @MaxLength(64)
  timeZone?: string;

  @ApiPropertyOptional({ minimum: SESSION_MIN_DURATION_MINUTES, maximum: SESSION_MAX_DURATION_MINUTES })
  @IsOmittable()
  @IsInt()
  @Min(SESSION_MIN_DURATION_MINUTES)
  @Max(SESSION_MAX_DURATION_MINUTES)
  durationMinutes?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: SESSION_MAX_WEEKS })
  @IsOmittable()
  @IsInt()
  @Min(1)
  @Max(SESSION_MAX_WEEKS)
  weeks?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: SESSION_MAX_CAPACITY })
  @IsOmittable()
  @IsInt()
  @Min(1)
  @Max(SESSION_MAX_CAPACITY)
  capacity?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: SESSION_MAX_LATE_JOIN_MINUTES })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(SESSION_MAX_LATE_JOIN_MINUTES)
  lateJoinMinutes?: number;
}
