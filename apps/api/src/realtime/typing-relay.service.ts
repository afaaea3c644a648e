import { Injectable } from '@nestjs/common';
import { ChatServerEvent } from '@kindred/contracts';
import { SafetyService } from '../safety/safety.service.js';
import { channel, type ChatSocket } from './socket-context.js';

/** A "still typing" signal more often than this is dropped (the indicator lasts longer). */
const TYPING_THROTTLE_MS = 2_000;

/**
 * Typing indicators go straight to the room through the adapter; nothing is stored. The
 * members who blocked the typist never see it, and members who turned typing off send none.
 */
@Injectable()
export class TypingRelay {
  private readonly lastSent = new WeakMap<ChatSocket, Map<string, number>>();

  constructor(private readonly safety: SafetyService) {}

  async relay(socket: ChatSocket, roomId: string, typing: boolean): Promise<void> {
    if (!socket.data.showTyping) return;
    const sent = this.lastSent.get(socket) ?? new Map<string, number>();
    this.lastSent.set(socket, sent);
    const last = sent.get(roomId);
    if (typing && last !== undefined && Date.now() - last < TYPING_THROTTLE_MS) return;
    if (!typing && last === undefined) return;
    if (typing) sent.set(roomId, Date.now());
    else sent.delete(roomId);
    const blockers = await this.safety.blockersOf(socket.data.userId);
    socket
      .to(channel.room(roomId))
      .except(blockers.map((id) => channel.user(id)))
      .emit(ChatServerEvent.Typing, { roomId, user: { id: socket.data.userId, handle: socket.data.handle }, typing });
  }

  /** On send, leave or disconnect: an indicator must not outlive the person typing. */
  stop(socket: ChatSocket, roomId: string): void {
    if (this.lastSent.get(socket)?.has(roomId)) void this.relay(socket, roomId, false).catch(() => undefined);
  }
}
