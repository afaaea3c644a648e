import type { INestApplicationContext } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import type { Server, ServerOptions } from 'socket.io';
import { closeRedisClient, connectWithin, createRedisClient, logOutages, type Closable } from '../common/redis/redis-client.js';
import { withUnawaitedCommandsHandled } from '../common/redis/unawaited-commands.js';

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
    // A broadcast Redis cannot take now is dropped for the other instances (sockets here still
    // get it) rather than queued without bound and delivered late; fetchSockets falls back at once.
    const pub = createRedisClient(url, this.log, { disableOfflineQueue: true });
    const sub = pub.duplicate();
    // The duplicate shares options, not listeners.
    logOutages(sub, this.log);
    try {
      await connectWithin([pub, sub]);
    } catch (error) {
      pub.destroy();
      sub.destroy();
      throw error;
    }
    this.clients = [pub, sub];
    // Said once per outage, not once per broadcast (thousands a second in a busy room).
    let dropping = false;
    const dropped = (error: unknown) => {
      if (dropping) return;
      dropping = true;
      this.log.warn(`Redis did not take a Socket.IO adapter command (${(error as Error)?.message}); other instances miss broadcasts until it is back.`);
    };
    pub.on('ready', () => {
      dropping = false;
    });
    this.adapterFactory = createAdapter(withUnawaitedCommandsHandled(pub, dropped), withUnawaitedCommandsHandled(sub, dropped), {
      requestsTimeout: 2_000,
      key: `${keyPrefix}socket.io`,
    });
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
