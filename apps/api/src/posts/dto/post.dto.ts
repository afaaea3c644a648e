import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  POST_BODY_MAX_LENGTH,
  REACTION_KINDS,
  THREAD_TITLE_MAX_LENGTH,
  type CreatePostRequest,
  type CreateThreadRequest,
  type EditPostRequest,
  type PreviewPostRequest,
  type ReactionKind,
  type SetWarningRequest,
} from '@kindred/contracts';
import { IsIn, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { ContentWarningDto, OptionalWarning } from './content-warning.dto.js';

export class CreateThreadDto implements CreateThreadRequest {
  @ApiProperty({ maxLength: THREAD_TITLE_MAX_LENGTH })
  @IsString()
  @Length(1, THREAD_TITLE_MAX_LENGTH)
  title: string;

  @ApiProperty({ maxLength: POST_BODY_MAX_LENGTH, description: 'Markdown.' })
  @IsString()
  @Length(1, POST_BODY_MAX_LENGTH)
  body: string;

  @OptionalWarning()
  warning?: ContentWarningDto;
}

export class CreatePostDto implements CreatePostRequest {
  @ApiProperty({ maxLength: POST_BODY_MAX_LENGTH, description: 'Markdown.' })
  @IsString()
  @Length(1, POST_BODY_MAX_LENGTH)
  body: string;

  @OptionalWarning()
  warning?: ContentWarningDto;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  replyToPostId?: string;
}

export class EditPostDto implements EditPostRequest {
  @ApiProperty({ maxLength: POST_BODY_MAX_LENGTH })
  @IsString()
  @Length(1, POST_BODY_MAX_LENGTH)
  body: string;

  @OptionalWarning()
  warning?: ContentWarningDto;
}

export class PreviewPostDto implements PreviewPostRequest {
  @ApiProperty({ maxLength: POST_BODY_MAX_LENGTH, description: 'Markdown, rendered as a post would be; nothing is saved.' })
  @IsString()
  @Length(1, POST_BODY_MAX_LENGTH)
  body: string;
}

export class SetWarningDto extends ContentWarningDto implements SetWarningRequest {
  @ApiProperty({ maxLength: 500, description: 'Why the warning changed; goes to the moderation log.' })
  @IsString()
  @Length(3, 500)
  reason: string;
}

export class ReactionParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;

  @ApiProperty({ enum: REACTION_KINDS })
  @IsIn(REACTION_KINDS)
  kind: ReactionKind;
}

export class SearchQueryDto {
  @ApiProperty({ maxLength: 200 })
  @IsString()
  @Length(2, 200)
  q: string;

  @ApiPropertyOptional({ description: 'Limit to one room (id or slug).' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  room?: string;

  @ApiPropertyOptional({ maxLength: 512 })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  cursor?: string;
}
