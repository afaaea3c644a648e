import {
  CHAT_HISTORY_PAGE_MAX,
  CHAT_MESSAGE_MAX_LENGTH,
  CHAT_MUTE_MAX_MINUTES,
  CHAT_NOTICE_MAX_LENGTH,
  CHECK_IN_ROUNDS,
  CHECK_IN_WORD_MAX_LENGTH,
  ChatClientEvent,
  ConversationClientEvent,
  MAX_SLOW_MODE_SECONDS,
  PAUSE_MAX_SECONDS,
  PAUSE_MIN_SECONDS,
  SessionClientEvent,
} from '@kindred/contracts';
import type { Schema } from './fuzz-inputs.js';

/** Socket payload contracts (libs/contracts chat.ts) as schemas the generator understands. */
const uuid: Schema = { type: 'string', format: 'uuid' };
const warning: Schema = {
  type: 'object',
  properties: { categories: { type: 'array', items: { type: 'string', enum: ['suicide', 'self-harm', 'violence'] } }, noneApply: { type: 'boolean' }, note: { type: 'string', maxLength: 100 } },
  required: ['categories'],
};
const reasonSchema: Schema = { type: 'string', minLength: 3, maxLength: 500 };
export const SOCKET_SCHEMAS: Record<string, Schema> = {
  [ChatClientEvent.Join]: { type: 'object', properties: { roomId: uuid, lastMessageId: uuid }, required: ['roomId'] },
  [ChatClientEvent.Leave]: { type: 'object', properties: { roomId: uuid }, required: ['roomId'] },
  [ChatClientEvent.Send]: {
    type: 'object',
    properties: { roomId: uuid, clientId: { type: 'string', format: 'client-id', minLength: 8, maxLength: 64 }, body: { type: 'string', minLength: 1, maxLength: CHAT_MESSAGE_MAX_LENGTH }, warning, replyToMessageId: uuid },
    required: ['roomId', 'clientId', 'body'],
  },
  [ChatClientEvent.Edit]: { type: 'object', properties: { messageId: uuid, body: { type: 'string', minLength: 1, maxLength: CHAT_MESSAGE_MAX_LENGTH }, warning }, required: ['messageId', 'body'] },
  [ChatClientEvent.Delete]: { type: 'object', properties: { messageId: uuid }, required: ['messageId'] },
  [ChatClientEvent.Typing]: { type: 'object', properties: { roomId: uuid, typing: { type: 'boolean' } }, required: ['roomId', 'typing'] },
  [ChatClientEvent.History]: { type: 'object', properties: { roomId: uuid, beforeMessageId: uuid, limit: { type: 'integer', minimum: 1, maximum: CHAT_HISTORY_PAGE_MAX } }, required: ['roomId'] },
  [ChatClientEvent.MarkRead]: { type: 'object', properties: { roomId: uuid, messageId: uuid }, required: ['roomId', 'messageId'] },
  [ChatClientEvent.ModRemove]: { type: 'object', properties: { messageId: uuid, reason: reasonSchema }, required: ['messageId', 'reason'] },
  [ChatClientEvent.ModMute]: {
    type: 'object',
    properties: { roomId: uuid, userId: uuid, minutes: { type: 'integer', minimum: 1, maximum: CHAT_MUTE_MAX_MINUTES }, reason: reasonSchema },
    required: ['roomId', 'userId', 'minutes', 'reason'],
  },
  [ChatClientEvent.ModSlowMode]: { type: 'object', properties: { roomId: uuid, seconds: { type: 'integer', minimum: 0, maximum: MAX_SLOW_MODE_SECONDS } }, required: ['roomId', 'seconds'] },
  [ChatClientEvent.ModLock]: { type: 'object', properties: { roomId: uuid, locked: { type: 'boolean' }, reason: reasonSchema }, required: ['roomId', 'locked', 'reason'] },
  [ChatClientEvent.ModNotice]: { type: 'object', properties: { roomId: uuid, text: { type: 'string', minLength: 1, maxLength: CHAT_NOTICE_MAX_LENGTH, nullable: true } }, required: ['roomId', 'text'] },
  [ConversationClientEvent.Join]: { type: 'object', properties: { conversationId: uuid, lastMessageId: uuid }, required: ['conversationId'] },
  [ConversationClientEvent.Leave]: { type: 'object', properties: { conversationId: uuid }, required: ['conversationId'] },
  [ConversationClientEvent.Send]: {
    type: 'object',
    properties: { conversationId: uuid, clientId: { type: 'string', format: 'client-id', minLength: 8, maxLength: 64 }, body: { type: 'string', minLength: 1, maxLength: CHAT_MESSAGE_MAX_LENGTH }, warning },
    required: ['conversationId', 'clientId', 'body'],
  },
  [ConversationClientEvent.Edit]: {
    type: 'object',
    properties: { conversationId: uuid, messageId: uuid, body: { type: 'string', minLength: 1, maxLength: CHAT_MESSAGE_MAX_LENGTH }, warning },
    required: ['conversationId', 'messageId', 'body'],
  },
  [ConversationClientEvent.Delete]: { type: 'object', properties: { conversationId: uuid, messageId: uuid }, required: ['conversationId', 'messageId'] },
  [ConversationClientEvent.Read]: { type: 'object', properties: { conversationId: uuid, messageId: uuid }, required: ['conversationId', 'messageId'] },
  [ConversationClientEvent.Typing]: { type: 'object', properties: { conversationId: uuid, typing: { type: 'boolean' } }, required: ['conversationId', 'typing'] },
  [SessionClientEvent.CheckIn]: {
    type: 'object',
    properties: { sessionId: uuid, round: { type: 'string', enum: [...CHECK_IN_ROUNDS] }, pass: { type: 'boolean' }, word: { type: 'string', minLength: 1, maxLength: CHECK_IN_WORD_MAX_LENGTH } },
    required: ['sessionId', 'round', 'pass'],
  },
  [SessionClientEvent.Phase]: { type: 'object', properties: { sessionId: uuid, phase: { type: 'string', enum: ['open', 'closing'] } }, required: ['sessionId', 'phase'] },
  [SessionClientEvent.Pause]: { type: 'object', properties: { sessionId: uuid, seconds: { type: 'integer', minimum: PAUSE_MIN_SECONDS, maximum: PAUSE_MAX_SECONDS } }, required: ['sessionId', 'seconds'] },
  [SessionClientEvent.Attend]: { type: 'object', properties: { sessionId: uuid }, required: ['sessionId'] },
};
