import { ApiPropertyOptional } from '@nestjs/swagger';
import { HANDLE_MAX_LENGTH } from '@kindred/contracts';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { QueryInt } from '../../common/validation/query-int.js';

export class ListUsersQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 50 })
  @IsOptional()
  @QueryInt()
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ description: 'Cursor: the last handle of the previous page (lower-case).', maxLength: HANDLE_MAX_LENGTH })
  @IsOptional()
  @IsString()
  @MaxLength(HANDLE_MAX_LENGTH)
  after?: string;

  @ApiPropertyOptional({ description: 'Only handles starting with this (any case): finding someone to appoint.', maxLength: HANDLE_MAX_LENGTH })
  @IsOptional()
  @IsString()
  @MaxLength(HANDLE_MAX_LENGTH)
  q?: string;
}

