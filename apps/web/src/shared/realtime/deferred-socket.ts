import type { ChatClientToServerEvents, ChatServerToClientEvents } from '@kindred/contracts';
import type { Socket } from 'socket.io-client';

type RealSocket = Socket<ChatServerToClientEvents, ChatClientToServerEvents>;
type Listener = (...args: never[]) => void;

/**
 * What the app uses of a socket: listening, asking with an acknowledgement, connecting.
 * Narrower than socket.io's Socket so the library itself can arrive after the first paint.
 */
export type RealtimeSocket = Pick<RealSocket, 'on' | 'off' | 'timeout' | 'connect' | 'disconnect' | 'connected' | 'active'>;

/**
 * Stands in for the socket until socket.io-client has loaded (it is not part of the first
 * bundle: a page renders before its live parts connect). Listeners added early are attached
 * when it arrives; until then it is simply "not connected", which every caller already handles
 * (requests are refused at once, as when offline).
 */
export class DeferredSocket {
  private real: RealSocket | null = null;
  private readonly early = new Map<string, Set<Listener>>();
  private wantsConnection = false;

  get connected(): boolean {
    return this.real?.connected ?? false;
  }

  /** socket.io's "trying to be connected"; while loading, that is whether connect() was asked. */
  get active(): boolean {
    return this.real?.active ?? this.wantsConnection;
  }

  on(event: string, listener: Listener): this {
    if (this.real) (this.real.on as (e: string, l: Listener) => void)(event, listener);
    else this.listenersOf(event).add(listener);
    return this;
  }

  off(event: string, listener: Listener): this {
    if (this.real) (this.real.off as (e: string, l: Listener) => void)(event, listener);
    else this.early.get(event)?.delete(listener);
    return this;
  }

  timeout(ms: number): ReturnType<RealSocket['timeout']> {
    if (!this.real) throw new Error('The live connection has not loaded yet.');
    return this.real.timeout(ms);
  }

  connect(): this {
    this.wantsConnection = true;
    this.real?.connect();
    return this;
  }

  disconnect(): this {
    this.wantsConnection = false;
    this.real?.disconnect();
    return this;
  }

  /** The loaded socket takes over: early listeners move to it, and it connects if asked to. */
  attach(real: RealSocket): void {
    this.real = real;
    for (const [event, listeners] of this.early) for (const listener of listeners) this.on(event, listener);
    this.early.clear();
    if (this.wantsConnection) real.connect();
  }

  /** The typed view callers use; the shapes they touch are the same as socket.io's. */
  asSocket(): RealtimeSocket {
    return this as unknown as RealtimeSocket;
  }

  private listenersOf(event: string): Set<Listener> {
    let listeners = this.early.get(event);
    if (!listeners) this.early.set(event, (listeners = new Set()));
    return listeners;
  }
}
