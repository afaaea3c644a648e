import { Injectable } from '@nestjs/common';
import { DecisionCache, type DecisionCacheOptions } from './decision-cache.js';

/**
 * Every DecisionCache of this instance, so the link to the other instances can switch them
 * all off while invalidations could be missed (see EventRelay).
 */
@Injectable()
export class DecisionCaches {
  private readonly caches: DecisionCache<unknown>[] = [];
  private suspended = false;

  create<V>(options: DecisionCacheOptions): DecisionCache<V> {
    const cache = new DecisionCache<V>(options);
    if (this.suspended) cache.suspend();
    this.caches.push(cache as DecisionCache<unknown>);
    return cache;
  }

  suspendAll(): void {
    this.suspended = true;
    for (const cache of this.caches) cache.suspend();
  }

  resumeAll(): void {
    this.suspended = false;
    for (const cache of this.caches) cache.resume();
  }

  get active(): boolean {
    return !this.suspended;
  }
}
