import { CHAT_NAMESPACE, ErrorCode } from '@kindred/contracts';
import { DeferredSocket, type RealtimeSocket } from './deferred-socket';

export type { RealtimeSocket } from './deferred-socket';

/**
 * - connecting: the first connection is being made
 * - connected: live
 * - reconnecting: it was live and dropped; socket.io is trying again
 * - ended: the session is over (logged out elsewhere, banned, quick exit); no more tries
 */
export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'ended';

/** After the server itself closes the socket, socket.io does not retry on its own. */
const MANUAL_RETRY_MS = 1_500;

/**
 * The one socket to `/chat` for the signed-in member. The session cookie travels with the
 * handshake (same origin), so there is nothing to configure for auth.
 */
export class RealtimeConnection {
  readonly socket: RealtimeSocket;
  private status: ConnectionStatus = 'connecting';
  private connectedOnce = false;
  private stopped = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly onSessionEnded: () => void) {
    const deferred = new DeferredSocket();
    this.socket = deferred.asSocket();
    // socket.io-client loads after the first paint; listeners below wait in the stand-in.
    this.load(deferred);
    this.socket.on('connect', () => {
      this.connectedOnce = true;
      this.setStatus('connected');
    });
    this.socket.on('disconnect', (reason) => {
      if (this.stopped || this.status === 'ended') return;
      this.setStatus(this.connectedOnce ? 'reconnecting' : 'connecting');
      if (reason === 'io server disconnect') this.retrySoon();
    });
    this.socket.on('connect_error', (error) => {
      if (this.stopped || this.status === 'ended') return;
      if (this.socket.active) {
        // A network problem: socket.io keeps trying by itself.
        this.setStatus(this.connectedOnce ? 'reconnecting' : 'connecting');
        return;
      }
      // Refused by the server. Without a session there is nothing to retry.
      const code = (error as { data?: { code?: string } }).data?.code;
      if (code === ErrorCode.Unauthenticated) this.end();
      else this.retrySoon();
    });
    this.socket.on('session:ended', () => this.end());
  }

  private load(deferred: DeferredSocket): void {
    import('socket.io-client')
      .then(({ io }) => {
        deferred.attach(
          io(CHAT_NAMESPACE, {
            autoConnect: false,
            // Its own manager: a later session must never inherit this one's socket or listeners.
            forceNew: true,
            // Quick to come back after a blip, never hammering a server that is restarting.
            reconnectionDelay: 500,
            reconnectionDelayMax: 4_000,
          }),
        );
      })
      // A dropped network while loading: try again, as socket.io would for a dropped connection.
      .catch(() => {
        this.retryTimer = setTimeout(() => this.load(deferred), MANUAL_RETRY_MS);
      });
  }

  start(): void {
    this.stopped = false;
    this.socket.connect();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.socket.disconnect();
  }

  /** Connect again, e.g. so the server reads changed presence or typing settings. */
  restart(): void {
    if (this.stopped || this.status === 'ended') return;
    this.socket.disconnect();
    this.socket.connect();
  }

  getStatus = (): ConnectionStatus => this.status;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private end(): void {
    if (this.status === 'ended') return;
    this.setStatus('ended');
    clearTimeout(this.retryTimer);
    this.socket.disconnect();
    this.onSessionEnded();
  }

  private retrySoon(): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      if (!this.stopped && this.status !== 'ended' && !this.socket.connected) this.socket.connect();
    }, MANUAL_RETRY_MS);
  }

  private setStatus(status: ConnectionStatus): void {
    if (status === this.status) return;
    this.status = status;
    for (const listener of this.listeners) listener();
  }
}
