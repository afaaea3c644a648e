/**
 * The fan-out baseline: a bare Socket.IO server on the same engine options as Kindred's
 * adapter, with the same event names, payloads and acks, that only rebroadcasts — no auth,
 * no validation, no database. Kindred's gateway is compared against it in the same run.
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const port = Number(process.env.PORT);
const http = createServer();
const io = new Server(http, { serveClient: false, maxHttpBufferSize: 64 * 1024, pingInterval: 20_000, pingTimeout: 20_000 });
const chat = io.of('/chat');
const seqs = new Map();

chat.on('connection', (socket) => {
  const userId = String(socket.handshake.auth?.benchUser ?? socket.id);
  socket.on('chat:join', async (payload, ack) => {
    await socket.join(`room:${payload.roomId}`);
    ack({ ok: true, state: { roomId: payload.roomId, locked: false, slowModeSeconds: 0, pinnedNotice: null }, messages: [], truncated: false, presence: { roomId: payload.roomId, count: 0, members: [] } });
  });
  socket.on('message:send', (payload, ack) => {
    const seq = (seqs.get(payload.roomId) ?? 0) + 1;
    seqs.set(payload.roomId, seq);
    const message = {
      id: randomUUID(),
      roomId: payload.roomId,
      seq,
      clientId: payload.clientId,
      author: { id: userId, handle: 'member' },
      body: payload.body,
      warning: { categories: [], note: null },
      presentation: 'show',
      replyToMessageId: null,
      createdAt: new Date().toISOString(),
      editedAt: null,
    };
    ack({ ok: true, message });
    chat.to(`room:${payload.roomId}`).emit('message:new', message);
  });
});

http.listen(port, '127.0.0.1', () => process.stdout.write('bare socket.io ready\n'));
process.on('SIGTERM', () => process.exit(0));
