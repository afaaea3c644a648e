import { Injectable } from '@nestjs/common';
import type { Actor } from '../access/access.service.js';
import { ConversationsService } from '../conversations/conversations.service.js';
import {
  ConversationMessageRefDto,
  ConversationRefDto,
  ConversationTypingDto,
  EditConversationMessageDto,
  JoinConversationDto,
  SendConversationMessageDto,
} from '../conversations/dto/conversation-payloads.dto.js';
import { channel, type ChatSocket } from './socket-context.js';
import { TypingRelay } from './typing-relay.service.js';
import { parsePayload } from './ws-handler.js';

/**
 * The `conversation:*` events of the /chat namespace, parsed here and delegated. A
 * conversation's channel is named like a room's, by the conversation's id, so delivery, hidden
 * placeholders and typing go exactly the way room chat's do.
 */
@Injectable()
export class ConversationSockets {
  constructor(
    private readonly conversations: ConversationsService,
    private readonly typing: TypingRelay,
  ) {}

  async join(socket: ChatSocket, user: Actor, payload: unknown) {
    const dto = await parsePayload(JoinConversationDto, payload);
    const channels = [channel.room(dto.conversationId), channel.reader(dto.conversationId, user.id)];
    const alreadyIn = socket.rooms.has(channels[0]!);
    try {
      return await this.conversations.join(user, dto, () => socket.join(channels));
    } catch (error) {
      if (!alreadyIn) for (const name of channels) await socket.leave(name);
      throw error;
    }
  }

  async leave(socket: ChatSocket, user: Actor, payload: unknown) {
    const dto = await parsePayload(ConversationRefDto, payload);
    await socket.leave(channel.room(dto.conversationId));
    await socket.leave(channel.reader(dto.conversationId, user.id));
    this.typing.stop(socket, dto.conversationId);
    return {};
  }

  async send(socket: ChatSocket, user: Actor, payload: unknown) {
    const dto = await parsePayload(SendConversationMessageDto, payload);
    const result = await this.conversations.send(user, dto);
    this.typing.stop(socket, dto.conversationId);
    return result;
  }

  async edit(user: Actor, payload: unknown) {
    return { message: await this.conversations.edit(user, await parsePayload(EditConversationMessageDto, payload)) };
  }

  async remove(user: Actor, payload: unknown) {
    await this.conversations.deleteMessage(user, await parsePayload(ConversationMessageRefDto, payload));
    return {};
  }

  async markRead(user: Actor, payload: unknown) {
    await this.conversations.markRead(user, await parsePayload(ConversationMessageRefDto, payload));
    return {};
  }

  /** Only to those hearing it live; members who hide their presence or typing send none. */
  async typingEvent(socket: ChatSocket, user: Actor, payload: unknown) {
    const dto = await parsePayload(ConversationTypingDto, payload);
    await this.conversations.requireActive(user, dto.conversationId);
    if (socket.data.showPresence && socket.rooms.has(channel.room(dto.conversationId))) await this.typing.relay(socket, dto.conversationId, dto.typing);
    return {};
  }
}
