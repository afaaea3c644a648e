import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect } from '@jest/globals';
import type { ChatMessageView, ConversationView } from '@kindred/contracts';
import { createRoom, join } from './forum.js';
import { connectedChat, memberSession, request, startListeningApp, type ChatClient, type ListeningApp } from './realtime.js';

export type Session = Awaited<ReturnType<typeof memberSession>>;

/**
 * One listening app per test file with a room whose members talk privately: members who share
 * the room (the default who-can-message-me), their sockets (closed at the end), and
 * conversations started and accepted through the API.
 */
export function conversationBed(handlePrefix: string) {
  const sockets: ChatClient[] = [];
  const bed = {
    t: undefined as unknown as ListeningApp,
    roomId: '',
    /** A new member of the bed's room. */
    async roommate(): Promise<Session> {
      const m = await memberSession(bed.t, handlePrefix);
      await join(m.agent, bed.roomId).expect(200);
      return m;
    },
    async open(token: string): Promise<ChatClient> {
      const socket = await connectedChat(bed.t.baseUrl, token);
      sockets.push(socket);
      return socket;
    },
    /** A socket hearing this conversation live. */
    async openJoined(session: Session, conversationId: string): Promise<ChatClient> {
      const socket = await bed.open(session.token);
      expect(await request(socket, 'conversation:join', { conversationId })).toMatchObject({ ok: true });
      return socket;
    },
    /** Asked by `starter` (a request to the others), with anything more the request carries. */
    async startWith(starter: Session, others: Session[], extra: Record<string, unknown> = {}): Promise<string> {
      const res = await starter.agent.post('/api/conversations').send({ participantIds: others.map((o) => o.user.id), body: 'Hello there.', clientId: randomUUID(), ...extra }).expect(201);
      return (res.body as ConversationView).id;
    },
    /** Started by `starter`, accepted by everyone else. */
    async conversation(starter: Session, others: Session[]): Promise<string> {
      const id = await bed.startWith(starter, others);
      for (const o of others) await o.agent.post(`/api/conversations/${id}/accept`).expect(200);
      return id;
    },
    /** Sent on `socket`, acknowledged after commit. */
    async send(socket: ChatClient, conversationId: string, body: string, extra: Record<string, unknown> = {}): Promise<ChatMessageView> {
      const ack = await request<{ ok: true; message: ChatMessageView }>(socket, 'conversation:send', { conversationId, clientId: randomUUID(), body, ...extra });
      expect(ack.ok).toBe(true);
      return ack.message;
    },
  };
  beforeAll(async () => {
    bed.t = await startListeningApp();
    const admin = await memberSession(bed.t, 'admin');
    await bed.t.query(`UPDATE users SET role = 'admin' WHERE id = $1`, [admin.user.id]);
    bed.roomId = (await createRoom(admin.agent)).id;
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await bed.t?.close();
  });
  return bed;
}
