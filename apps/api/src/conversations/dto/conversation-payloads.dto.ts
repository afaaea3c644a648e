import {
  CHAT_CLIENT_ID_MAX_LENGTH,
  CHAT_MESSAGE_MAX_LENGTH,
  type ConversationMessageRefPayload,
  type ConversationRefPayload,
  type EditConversationMessagePayload,
  type ConversationTypingPayload,
  type JoinConversationPayload,
  type SendConversationMessagePayload,
} from '@kindred/contracts';
import { IsBoolean, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
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
  @IsString()
  @Length(8, CHAT_CLIENT_ID_MAX_LENGTH)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'clientId may use letters, digits, _ and -' })
  clientId: string;

  @IsString()
  @Length(1, CHAT_MESSAGE_MAX_LENGTH)
  body: string;

  @OptionalWarning()
  warning?: ContentWarningDto;
}

export class ConversationMessageRefDto extends ConversationRefDto implements ConversationMessageRefPayload {
  @IsUUID()
  messageId: string;
}

export class EditConversationMessageDto extends ConversationMessageRefDto implements EditConversationMessagePayload {
  @IsString()
  @Length(1, CHAT_MESSAGE_MAX_LENGTH)
  body: string;

  @OptionalWarning()
  warning?: ContentWarningDto;
}

export class ConversationTypingDto extends ConversationRefDto implements ConversationTypingPayload {
  @IsBoolean()
  typing: boolean;
}
