import type { INestApplicationContext } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import type { Server, ServerOptions } from 'socket.io';

/** Only what shutdown needs; node-redis' full generic types do not survive `duplicate()`. */
interface Closable {
  quit(): Promise<unknown>;
  destroy(): void;
}

const QUIT_GRACE_MS = 1_000;

/** How long start-up waits for Redis before saying so plainly (instead of hanging). */
const REDIS_CONNECT_TIMEOUT_MS = 10_000;

/**
 * Socket.IO on the API's own port and path (/socket.io). With REDIS_URL, the Redis adapter
 * joins instances: a broadcast on one reaches sockets on all, and fetchSockets sees all.
 */
export class KindredIoAdapter extends IoAdapter {
  private readonly log = new Logger('Realtime');
  private adapterFactory?: ReturnType<typeof createAdapter>;
  private clients: Closable[] = [];

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
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Cannot reach Redis at REDIS_URL within ${REDIS_CONNECT_TIMEOUT_MS / 1000} s.`)), REDIS_CONNECT_TIMEOUT_MS);
    });
    try {
      await Promise.race([Promise.all([pub.connect(), sub.connect()]), timeout]);
    } catch (error) {
      pub.destroy();
      sub.destroy();
      throw error;
    } finally {
      clearTimeout(timer);
    }
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
    // quit() waits for Redis to answer; when Redis is away that is forever, so after a short
    // grace the connection is simply dropped: shutdown must never hang on Redis.
    await Promise.all(
      this.clients.map(async (client) => {
        const quit = client.quit().then(
          () => true,
          () => true,
        );
        const done = await Promise.race([quit, new Promise<boolean>((resolve) => setTimeout(() => resolve(false), QUIT_GRACE_MS).unref())]);
        if (!done) {
          try {
            client.destroy();
          } catch {
            // Already closed.
          }
        }
      }),
    );
    this.clients = [];
  }
}
