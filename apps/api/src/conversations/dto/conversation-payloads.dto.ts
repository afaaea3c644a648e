import {
  type ConversationMessageRefPayload,
  type ConversationRefPayload,
  type EditConversationMessagePayload,
  type ConversationTypingPayload,
  type JoinConversationPayload,
  type SendConversationMessagePayload,
} from '@kindred/contracts';
import { IsBoolean, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { IsClientId, IsMessageBody } from '../../chat/dto/chat-payloads.dto.js';
import { ContentWarningDto, OptionalWarning } from '../../posts/dto/content-warning.dto.js';

/** Socket payloads are validated exactly like HTTP bodies: strict, bounded, no extras. */
export class ConversationRefDto implements ConversationRefPayload {
  @IsUUID()
  conversationId: string;
}

export class JoinConversationDto extends ConversationRefDto implements JoinConversationPayload {
  @IsOptional()
  @IsUUID()
  lastMessageId?: string;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  sinceChange?: number;
}

export class SendConversationMessageDto extends ConversationRefDto implements SendConversationMessagePayload {
  @IsClientId()
  clientId: string;

  @IsMessageBody()
  body: string;

  @OptionalWarning()
  warning?: ContentWarningDto;
}

export class ConversationMessageRefDto extends ConversationRefDto implements ConversationMessageRefPayload {
  @IsUUID()
  messageId: string;
}

export class EditConversationMessageDto extends ConversationMessageRefDto implements EditConversationMessagePayload {
  @IsMessageBody()
  body: string;

  @OptionalWarning()
  warning?: ContentWarningDto;
}

export class ConversationTypingDto extends ConversationRefDto implements ConversationTypingPayload {
  @IsBoolean()
  typing: boolean;
}
