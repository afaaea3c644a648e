import { describe, expect, it } from '@jest/globals';
import { DecisionCache } from '../../apps/api/src/common/cache/decision-cache.js';

/** A read the test finishes when it wants, counting how often the source was asked. */
function source() {
  let reads = 0;
  let finish: (value: string) => void = () => undefined;
  return {
    get reads() {
      return reads;
    },
    read: () =>
      new Promise<string>((resolve) => {
        reads += 1;
        finish = resolve;
      }),
    finish: (value: string) => finish(value),
  };
}

describe('DecisionCache', () => {
  it('keeps an answer until it is dropped', async () => {
    const cache = new DecisionCache<string>({ max: 10, ttlMs: 60_000 });
    let reads = 0;
    const read = async () => `answer ${(reads += 1)}`;
    expect(await cache.get('k', read)).toBe('answer 1');
    expect(await cache.get('k', read)).toBe('answer 1');
    cache.drop('k');
    expect(await cache.get('k', read)).toBe('answer 2');
  });

  it('does not keep an answer read while an invalidation arrived', async () => {
    const cache = new DecisionCache<string>({ max: 10, ttlMs: 60_000 });
    const slow = source();
    const first = cache.get('k', slow.read);
    cache.drop('k'); // the change committed while the old facts were being read
    slow.finish('old');
    expect(await first).toBe('old');
    expect(await cache.get('k', async () => 'new')).toBe('new');
  });

  it('shares one read between concurrent misses, but not across an invalidation', async () => {
    const cache = new DecisionCache<string>({ max: 10, ttlMs: 60_000 });
    const slow = source();
    const a = cache.get('k', slow.read);
    const b = cache.get('k', slow.read);
    expect(slow.reads).toBe(1);
    cache.dropWhere(() => true);
    const c = cache.get('k', async () => 'after');
    slow.finish('before');
    expect([await a, await b, await c]).toEqual(['before', 'before', 'after']);
  });

  it('answers nothing from memory while suspended, and starts empty when resumed', async () => {
    const cache = new DecisionCache<string>({ max: 10, ttlMs: 60_000 });
    await cache.get('k', async () => 'cached');
    cache.suspend();
    expect(await cache.get('k', async () => 'fresh 1')).toBe('fresh 1');
    expect(await cache.get('k', async () => 'fresh 2')).toBe('fresh 2');
    expect(cache.size).toBe(0);
    cache.resume();
    expect(await cache.get('k', async () => 'fresh 3')).toBe('fresh 3');
    expect(await cache.get('k', async () => 'fresh 4')).toBe('fresh 3');
  });

  it('is bounded: the least recently used answer goes first', async () => {
    const cache = new DecisionCache<string>({ max: 2, ttlMs: 60_000 });
    await cache.get('a', async () => 'a');
    await cache.get('b', async () => 'b');
    await cache.get('a', async () => 'a again');
    await cache.get('c', async () => 'c');
    expect(cache.size).toBe(2);
    expect(await cache.get('a', async () => 'unused')).toBe('a');
    expect(await cache.get('b', async () => 'b read again')).toBe('b read again');
  });
});
