import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  COMPOSE_CHECK_KINDS,
  CONTENT_WARNING_CATEGORIES,
  POST_BODY_MAX_LENGTH,
  ROOM_SLUG_MAX_LENGTH,
  THREAD_TITLE_MAX_LENGTH,
  type ComposeCheckContext,
  type ComposeCheckKind,
  type ComposeCheckRequest,
  type ContentWarningCategory,
} from '@kindred/contracts';
import { ArrayMaxSize, IsArray, IsIn, IsObject, IsOptional, IsString, IsUUID, Length, Matches, MaxLength, ValidateNested } from 'class-validator';

export class ComposeCheckContextDto implements ComposeCheckContext {
  @ApiProperty({ enum: COMPOSE_CHECK_KINDS })
  @IsIn(COMPOSE_CHECK_KINDS, { message: `context.kind must be one of ${COMPOSE_CHECK_KINDS.join(', ')}` })
  kind: ComposeCheckKind;

  @ApiPropertyOptional({ description: 'Room id or slug: for thread, reply and chat.', maxLength: ROOM_SLUG_MAX_LENGTH })
  @IsOptional()
  @IsString()
  @MaxLength(ROOM_SLUG_MAX_LENGTH)
  @Matches(/^[A-Za-z0-9-]+$/, { message: 'roomId must be a room id or slug' })
  roomId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'For message: the private conversation.' })
  @IsOptional()
  @IsUUID()
  conversationId?: string;
}

export class ComposeCheckDto implements ComposeCheckRequest {
  @ApiProperty({ maxLength: POST_BODY_MAX_LENGTH, description: 'The draft; chat lines and private messages are limited to the chat length.' })
  @IsString()
  @Length(1, POST_BODY_MAX_LENGTH)
  text: string;

  @ApiPropertyOptional({ maxLength: THREAD_TITLE_MAX_LENGTH, description: 'Only for a new thread.' })
  @IsOptional()
  @IsString()
  @MaxLength(THREAD_TITLE_MAX_LENGTH)
  title?: string;

  @ApiProperty({ type: ComposeCheckContextDto })
  @IsObject()
  @ValidateNested()
  @Type(() => ComposeCheckContextDto)
  context: ComposeCheckContextDto;

  @ApiPropertyOptional({ enum: CONTENT_WARNING_CATEGORIES, isArray: true, description: 'Already chosen in the composer: not suggested again.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(CONTENT_WARNING_CATEGORIES.length)
  @IsIn(CONTENT_WARNING_CATEGORIES, { each: true, message: 'each warning must be a category from the taxonomy' })
  chosenWarnings?: ContentWarningCategory[];
}
