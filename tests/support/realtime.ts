import { afterAll, afterEach, beforeAll } from '@jest/globals';
import type { ChatClientToServerEvents, ChatServerToClientEvents } from '@kindred/contracts';
import { io, type Socket } from 'socket.io-client';
import { GOOD_PASSWORD, uniqueHandle } from './accounts.js';
import { sessionCookie } from './cookies.js';
import { startTestApp, type TestApp } from './test-app.js';

export type ChatClient = Socket<ChatServerToClientEvents, ChatClientToServerEvents>;

export interface ListeningApp extends TestApp {
  baseUrl: string;
}

/** The real app on a real port, for Socket.IO clients. */
export async function startListeningApp(env: Record<string, string> = {}, databaseUrl?: string): Promise<ListeningApp> {
  const t = await startTestApp({ CHAT_MESSAGES_PER_SECOND: '200', ...env }, databaseUrl);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.getHttpServer().address() as { port: number };
  return Object.assign(t, { baseUrl: `http://127.0.0.1:${address.port}` });
}

/** Registers a member over HTTP and returns their session token and a signed-in agent. */
export async function memberSession(t: TestApp, prefix = 'chat') {
  const handle = uniqueHandle(prefix);
  const agent = t.agent();
  const res = await agent.post('/api/auth/register').send({ handle, password: GOOD_PASSWORD });
  if (res.status !== 201) throw new Error(`register failed: ${res.status} ${res.text}`);
  return { handle, agent, token: sessionCookie(res)!.value, user: res.body as { id: string; handle: string } };
}

export function connectChat(baseUrl: string, token?: string, extraHeaders: Record<string, string> = {}): ChatClient {
  return io(`${baseUrl}/chat`, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    extraHeaders: { ...(token ? { cookie: `kindred_session=${token}` } : {}), ...extraHeaders },
  });
}

export function connected(socket: ChatClient): Promise<void> {
  return new Promise((resolve, reject) => {
    if (socket.connected) return resolve();
    socket.once('connect', () => resolve());
    socket.once('connect_error', (error) => reject(error));
  });
}

export async function connectedChat(baseUrl: string, token: string): Promise<ChatClient> {
  const socket = connectChat(baseUrl, token);
  await connected(socket);
  return socket;
}

/** Emits with an acknowledgement; fails the test if no ack arrives (silence is a bug). */
export function request<T = Record<string, unknown>>(socket: ChatClient, event: string, payload: unknown, timeoutMs = 5_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ack for ${event}`)), timeoutMs);
    (socket.emit as (event: string, ...args: unknown[]) => void)(event, payload, (ack: T) => {
      clearTimeout(timer);
      resolve(ack);
    });
  });
}

/** Collects every event of one kind the socket receives. */
export function record<T>(socket: ChatClient, event: string): T[] {
  const received: T[] = [];
  (socket.on as (event: string, listener: (payload: T) => void) => void)(event, (payload) => received.push(payload));
  return received;
}

export async function waitFor(condition: () => boolean, timeoutMs = 5_000, what = 'condition'): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Gives the server a moment to deliver anything that should NOT arrive. */
export const settle = (ms = 150) => new Promise((r) => setTimeout(r, ms));

/**
 * One listening app for a test file, with an admin, and the sockets its tests open (closed
 * after each test). Call at the top of the file; the fields are set once `beforeAll` ran.
 */
export function realtimeTestBed(setup: (t: ListeningApp) => Promise<void> = async () => undefined) {
  const sockets: ChatClient[] = [];
  const bed = {
    t: undefined as unknown as ListeningApp,
    admin: undefined as unknown as Awaited<ReturnType<typeof memberSession>>,
    async open(token: string): Promise<ChatClient> {
      const socket = await connectedChat(bed.t.baseUrl, token);
      sockets.push(socket);
      return socket;
    },
  };
  beforeAll(async () => {
    bed.t = await startListeningApp();
    bed.admin = await memberSession(bed.t, 'admin');
    await bed.t.query(`UPDATE users SET role = 'admin' WHERE id = $1`, [bed.admin.user.id]);
    await setup(bed.t);
  });
  afterEach(() => {
    for (const s of sockets.splice(0)) s.disconnect();
  });
  afterAll(async () => {
    await bed.t?.close();
  });
  return bed;
}
