import type { INestApplicationContext } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import type { Server, ServerOptions } from 'socket.io';
import { closeRedisClient, connectWithin, createRedisClient, type Closable } from '../common/redis/redis-client.js';

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

  /** `keyPrefix` (REDIS_KEY_PREFIX) keeps deployments or test runs sharing one Redis apart. */
  async connectToRedis(url: string, keyPrefix: string): Promise<void> {
    const pub = createRedisClient(url, this.log);
    const sub = pub.duplicate();
    // The duplicate shares options, not listeners.
    sub.on('error', (error: Error) => this.log.warn(`Redis: ${error.message}`));
    try {
      await connectWithin([pub, sub]);
    } catch (error) {
      pub.destroy();
      sub.destroy();
      throw error;
    }
    this.clients = [pub, sub];
    this.adapterFactory = createAdapter(pub, sub, { requestsTimeout: 2_000, key: `${keyPrefix}socket.io` });
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

  /**
   * Nest builds a shared disconnect stream per socket before binding a gateway's
   * @SubscribeMessage handlers, even when there are none; ours bind their own listeners
   * (see ChatGateway), so that stream was only memory held by every connection.
   */
  override bindMessageHandlers(...args: Parameters<IoAdapter['bindMessageHandlers']>): void {
    if (args[1].length > 0) super.bindMessageHandlers(...args);
  }

  override async dispose(): Promise<void> {
    await super.dispose();
    await Promise.all(this.clients.map(closeRedisClient));
    this.clients = [];
  }
}
