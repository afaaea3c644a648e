import type { INestApplicationContext } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import type { Server, ServerOptions } from 'socket.io';

/** Only what shutdown needs; node-redis' full generic types do not survive `duplicate()`. */
interface Quittable {
  quit(): Promise<unknown>;
}

/**
 * Socket.IO on the API's own port and path (/socket.io). With REDIS_URL, the Redis adapter
 * joins instances: a broadcast on one reaches sockets on all, and fetchSockets sees all.
 */
export class KindredIoAdapter extends IoAdapter {
  private readonly log = new Logger('Realtime');
  private adapterFactory?: ReturnType<typeof createAdapter>;
  private clients: Quittable[] = [];

  constructor(app: INestApplicationContext) {
    super(app);
  }

  async connectToRedis(url: string): Promise<void> {
    const pub = createClient({ url, socket: { reconnectStrategy: (retries) => Math.min(retries * 200, 5_000) } });
    const sub = pub.duplicate();
    for (const client of [pub, sub]) {
      // Without a listener a lost connection would crash the process; the client reconnects by itself.
      client.on('error', (error: Error) => this.log.warn(`Redis: ${error.message}`));
    }
    await Promise.all([pub.connect(), sub.connect()]);
    this.clients = [pub, sub];
    this.adapterFactory = createAdapter(pub, sub, { requestsTimeout: 2_000 });
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, {
      ...options,
      serveClient: false,
      // Chat payloads are small; a large frame is a mistake or an attack.
      maxHttpBufferSize: 64 * 1024,
      pingInterval: 20_000,
      pingTimeout: 20_000,
    } as ServerOptions) as Server;
    if (this.adapterFactory) server.adapter(this.adapterFactory);
    return server;
  }

  override async dispose(): Promise<void> {
    await super.dispose();
    await Promise.all(this.clients.map((c) => c.quit().catch(() => undefined)));
    this.clients = [];
  }
}
