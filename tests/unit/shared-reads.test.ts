import { describe, expect, it } from '@jest/globals';
import { SharedReads } from '../../apps/api/src/chat/shared-reads.js';

describe('SharedReads', () => {
  it('answers askers arriving together with one read', async () => {
    const reads = new SharedReads();
    let count = 0;
    const read = async () => `rows ${(count += 1)}`;
    const answers = await Promise.all(Array.from({ length: 20 }, () => reads.read('room', read)));
    expect(count).toBe(1);
    expect(new Set(answers)).toEqual(new Set(['rows 1']));
  });

  it('never hands an asker a read that had started before it asked', async () => {
    const reads = new SharedReads();
    const started: string[] = [];
    let finishFirst: () => void = () => undefined;
    const first = reads.read('room', () => {
      started.push('first');
      return new Promise<string>((resolve) => (finishFirst = () => resolve('first')));
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual(['first']);
    // Asked while the first read is under way: waits for a read of its own, shared with its peers.
    const late = [reads.read('room', async () => (started.push('second'), 'second')), reads.read('room', async () => 'unused')];
    expect(started).toEqual(['first']);
    finishFirst();
    expect(await first).toBe('first');
    expect(await Promise.all(late)).toEqual(['second', 'second']);
    expect(started).toEqual(['first', 'second']);
  });

  it('keeps keys apart and passes a failure to everyone who shared the read', async () => {
    const reads = new SharedReads();
    const failing = [reads.read('a', async () => Promise.reject(new Error('down'))), reads.read('a', async () => 'unused')];
    const other = reads.read('b', async () => 'b');
    await expect(failing[0]).rejects.toThrow('down');
    await expect(failing[1]).rejects.toThrow('down');
    expect(await other).toBe('b');
    expect(await reads.read('a', async () => 'recovered')).toBe('recovered');
  });
});
