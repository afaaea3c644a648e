import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { CONTENT_WARNING_CATEGORIES, WARNING_NOTE_MAX_LENGTH, type ContentWarningCategory, type ContentWarningInput } from '@kindred/contracts';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsObject, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';

export class ContentWarningDto implements ContentWarningInput {
  @ApiPropertyOptional({ enum: CONTENT_WARNING_CATEGORIES, isArray: true })
  @IsArray()
  @ArrayMaxSize(CONTENT_WARNING_CATEGORIES.length)
  @IsIn(CONTENT_WARNING_CATEGORIES, { each: true, message: 'each warning must be a category from the taxonomy' })
  categories: ContentWarningCategory[];

  @ApiPropertyOptional({ description: 'The explicit "none apply" answer.' })
  @IsOptional()
  @IsBoolean()
  noneApply?: boolean;

  @ApiPropertyOptional({ maxLength: WARNING_NOTE_MAX_LENGTH })
  @IsOptional()
  @IsString()
  @MaxLength(WARNING_NOTE_MAX_LENGTH)
  note?: string;
}

/**
 * An optional content-warning field, the same on posts, chat messages and moderation actions.
 * @IsObject matters: ValidateNested alone checks an array element by element, so [{…}] would
 * pass and the warning be silently dropped.
 */
export const OptionalWarning = () =>
  applyDecorators(ApiPropertyOptional({ type: ContentWarningDto }), IsOptional(), IsObject(), ValidateNested(), Type(() => ContentWarningDto));
