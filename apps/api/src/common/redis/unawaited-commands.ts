/** What @socket.io/redis-adapter 8 sends on a node-redis client without awaiting or catching it. */
const UNAWAITED = new Set<PropertyKey>(['publish', 'subscribe', 'pSubscribe', 'unsubscribe', 'pUnsubscribe']);

/**
 * The client as @socket.io/redis-adapter should see it. The adapter publishes every broadcast,
 * and (un)subscribes when a namespace starts and closes, dropping the promise node-redis
 * returns. node-redis rejects those promises when Redis goes away with them in flight
 * ("Socket closed unexpectedly"), while it is away ("The client is offline"), or when the
 * client is destroyed with them queued ("Disconnects client": the adapter's unsubscribes on
 * close, since node-redis queues pub/sub commands even with the offline queue disabled). No
 * client option stops that, and an unhandled rejection ends the process (or sets exit code
 * 1), so this is the one place a handler is attached by hand.
 *
 * Each such call gets `onFailure` as its handler and returns the same promise, so a caller
 * that does await still sees the failure; everything else reaches the client untouched
 * (a Proxy rather than a copy: listeners the adapter adds must land on the real client).
 */
export function withUnawaitedCommandsHandled<T extends object>(client: T, onFailure: (error: unknown) => void): T {
  // One wrapper per command, made on first use: publish runs once per broadcast.
  const wrappers = new Map<PropertyKey, (...args: unknown[]) => unknown>();
  return new Proxy(client, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (!UNAWAITED.has(property) || typeof value !== 'function') return value;
      let wrapper = wrappers.get(property);
      if (!wrapper) {
        wrapper = (...args: unknown[]) => {
          const result: unknown = Reflect.apply(value, target, args);
          // Any handler marks the promise handled; a non-promise result passes through.
          if (typeof (result as PromiseLike<unknown> | undefined)?.then === 'function') (result as PromiseLike<unknown>).then(undefined, onFailure);
          return result;
        };
        wrappers.set(property, wrapper);
      }
      return wrapper;
    },
  });
}
