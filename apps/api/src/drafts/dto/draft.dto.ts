import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DRAFT_KINDS, POST_BODY_MAX_LENGTH, THREAD_TITLE_MAX_LENGTH, type DraftKind, type SaveDraftRequest } from '@kindred/contracts';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { ContentWarningDto, OptionalWarning } from '../../posts/dto/content-warning.dto.js';

/** Unfinished words: anything up to the limits for posts, empty included. */
export class SaveDraftDto implements SaveDraftRequest {
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: THREAD_TITLE_MAX_LENGTH, description: 'Only for a new thread.' })
  @IsOptional()
  @IsString()
  @MaxLength(THREAD_TITLE_MAX_LENGTH)
  title?: string | null;

  @ApiProperty({ maxLength: POST_BODY_MAX_LENGTH, description: 'Markdown, as typed so far.' })
  @IsString()
  @MaxLength(POST_BODY_MAX_LENGTH)
  body: string;

  @OptionalWarning()
  warning?: ContentWarningDto;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid', description: 'Only for a reply: the post it answers.' })
  @IsOptional()
  @IsUUID()
  replyToPostId?: string | null;
}

/** `/api/me/drafts/{kind}/{targetId}`: a room for a new thread, a thread for a reply. */
export class DraftParams {
  @ApiProperty({ enum: DRAFT_KINDS })
  @IsIn(DRAFT_KINDS)
  kind: DraftKind;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  targetId: string;
}
