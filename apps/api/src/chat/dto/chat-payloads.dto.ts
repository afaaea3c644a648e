import { applyDecorators } from '@nestjs/common';
import {
  CHAT_CLIENT_ID_MAX_LENGTH,
  CHAT_HISTORY_PAGE_MAX,
  CHAT_MESSAGE_MAX_LENGTH,
  CHAT_MUTE_MAX_MINUTES,
  CHAT_NOTICE_MAX_LENGTH,
  MAX_SLOW_MODE_SECONDS,
  type EditMessagePayload,
  type HistoryPayload,
  type JoinChatPayload,
  type LeaveChatPayload,
  type LockChatPayload,
  type MarkReadPayload,
  type MessageRefPayload,
  type MuteMemberPayload,
  type PinnedNoticePayload,
  type RemoveMessagePayload,
  type SendMessagePayload,
  type SlowModePayload,
  type TypingPayload,
} from '@kindred/contracts';
import { IsBoolean, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min, ValidateIf } from 'class-validator';
import { ContentWarningDto, OptionalWarning } from '../../posts/dto/content-warning.dto.js';

/** A client's id for a message, so a retry is recognised (room chat, conversations). */
export const IsClientId = () =>
  applyDecorators(IsString(), Length(8, CHAT_CLIENT_ID_MAX_LENGTH), Matches(/^[A-Za-z0-9_-]+$/, { message: 'clientId may use letters, digits, _ and -' }));

/** A chat message's words, in a room or a conversation. */
export const IsMessageBody = () => applyDecorators(IsString(), Length(1, CHAT_MESSAGE_MAX_LENGTH));

/** Socket payloads are validated exactly like HTTP bodies: strict, bounded, no extras. */
class RoomRef {
  @IsUUID()
  roomId: string;
}

export class JoinChatDto extends RoomRef implements JoinChatPayload {
  @IsOptional()
  @IsUUID()
  lastMessageId?: string;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  sinceChange?: number;
}

export class LeaveChatDto extends RoomRef implements LeaveChatPayload {}

export class SendMessageDto extends RoomRef implements SendMessagePayload {
  @IsClientId()
  clientId: string;

  @IsMessageBody()
  body: string;

  @OptionalWarning()
  warning?: ContentWarningDto;

  @IsOptional()
  @IsUUID()
  replyToMessageId?: string;
}

export class EditMessageDto implements EditMessagePayload {
  @IsUUID()
  messageId: string;

  @IsString()
  @Length(1, CHAT_MESSAGE_MAX_LENGTH)
  body: string;

  @OptionalWarning()
  warning?: ContentWarningDto;
}

export class MessageRefDto implements MessageRefPayload {
  @IsUUID()
  messageId: string;
}

export class TypingDto extends RoomRef implements TypingPayload {
  @IsBoolean()
  typing: boolean;
}

export class HistoryDto extends RoomRef implements HistoryPayload {
  @IsOptional()
  @IsUUID()
  beforeMessageId?: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  beforeSeq?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(CHAT_HISTORY_PAGE_MAX)
  limit?: number;
}

export class MarkReadDto extends RoomRef implements MarkReadPayload {
  @IsUUID()
  messageId: string;
}

export class RemoveMessageDto implements RemoveMessagePayload {
  @IsUUID()
  messageId: string;

  @IsString()
  @Length(3, 500)
  reason: string;
}

export class MuteMemberDto extends RoomRef implements MuteMemberPayload {
  @IsUUID()
  userId: string;

  @IsInt()
  @Min(1)
  @Max(CHAT_MUTE_MAX_MINUTES)
  minutes: number;

  @IsString()
  @Length(3, 500)
  reason: string;
}

export class SlowModeDto extends RoomRef implements SlowModePayload {
  @IsInt()
  @Min(0)
  @Max(MAX_SLOW_MODE_SECONDS)
  seconds: number;
}

export class LockChatDto extends RoomRef implements LockChatPayload {
  @IsBoolean()
  locked: boolean;

  @IsString()
  @Length(3, 500)
  reason: string;
}

export class PinnedNoticeDto extends RoomRef implements PinnedNoticePayload {
  @ValidateIf((o: PinnedNoticeDto) => o.text !== null)
  @IsString()
  @Length(1, CHAT_NOTICE_MAX_LENGTH)
  text: string | null;
}
