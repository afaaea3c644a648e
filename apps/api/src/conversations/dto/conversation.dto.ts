import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CHAT_CLIENT_ID_MAX_LENGTH,
  CHAT_MESSAGE_MAX_LENGTH,
  CONVERSATION_MAX_PARTICIPANTS,
  CONVERSATION_PAGE_MAX,
  ConversationKind,
  REACTION_KINDS,
  type ReactionKind,
  type CreateConversationRequest,
  type MuteConversationRequest,
} from '@kindred/contracts';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { IsClientId, IsMessageBody } from '../../chat/dto/chat-payloads.dto.js';
import { IsOmittable } from '../../common/validation/omittable.js';
import { QueryInt } from '../../common/validation/query-int.js';
import { ContentWarningDto, OptionalWarning } from '../../posts/dto/content-warning.dto.js';

const KINDS = Object.values(ConversationKind);

export class CreateConversationDto implements CreateConversationRequest {
  @ApiProperty({ type: [String], format: 'uuid', minItems: 1, maxItems: CONVERSATION_MAX_PARTICIPANTS - 1, description: 'The other participants, by member id.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(CONVERSATION_MAX_PARTICIPANTS - 1)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  participantIds: string[];

  @ApiProperty({ minLength: 1, maxLength: CHAT_MESSAGE_MAX_LENGTH, description: 'The first message.' })
  @IsMessageBody()
  body: string;

  @ApiProperty({ minLength: 8, maxLength: CHAT_CLIENT_ID_MAX_LENGTH, pattern: '^[A-Za-z0-9_-]+$', description: 'Chosen by the client, so a retry does not start a second conversation.' })
  @IsClientId()
  clientId: string;

  @OptionalWarning()
  warning?: ContentWarningDto;

  @ApiPropertyOptional({ enum: KINDS, default: ConversationKind.Peer, description: 'check-in: moderators and admins only.' })
  @IsOmittable()
  @IsIn(KINDS)
  kind?: ConversationKind;

  @ApiPropertyOptional({ description: 'Check-ins: shown with the moderation team’s name rather than yours.' })
  @IsOmittable()
  @IsBoolean()
  asTeam?: boolean;
}

export class MuteConversationDto implements MuteConversationRequest {
  @ApiProperty()
  @IsBoolean()
  muted: boolean;
}

export class ConversationMessagesQueryDto {
  @ApiPropertyOptional({ minimum: 1, description: 'Messages before this seq (nextBefore of the previous page).' })
  @IsOptional()
  @QueryInt()
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  before?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: CONVERSATION_PAGE_MAX, default: 50 })
  @IsOptional()
  @QueryInt()
  @IsInt()
  @Min(1)
  @Max(CONVERSATION_PAGE_MAX)
  limit?: number;
}

export class ConversationReactionParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  messageId: string;

  @ApiProperty({ enum: REACTION_KINDS })
  @IsIn(REACTION_KINDS)
  kind: ReactionKind;
}
