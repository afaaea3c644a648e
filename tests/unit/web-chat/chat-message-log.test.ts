import { describe, expect, it } from '@jest/globals';
import { ChatMessageLog } from '../../../apps/web/src/modules/chat/lib/chat-message-log.js';
import { chatMessage, hiddenMessage } from './chat-items.js';

describe('ChatMessageLog (one room’s messages in the web app)', () => {
  it('keeps one entry per seq, in seq order, whatever order they arrive in', () => {
    const log = new ChatMessageLog();
    log.put(chatMessage(3));
    log.put(chatMessage(1));
    log.put(chatMessage(2));
    log.put(chatMessage(3)); // the same message again, from a replay
    expect(log.items().map((item) => item.seq)).toEqual([1, 2, 3]);
    expect(log.size).toBe(3);
  });

  it('lets a placeholder replace the message at its seq, and replays from the newest real message', () => {
    const log = new ChatMessageLog();
    log.put(chatMessage(1));
    log.put(chatMessage(2));
    log.put(hiddenMessage(2));
    expect(log.items()[1]).toEqual(hiddenMessage(2));
    expect(log.lastMessage()?.id).toBe('m1');
    log.clear();
    log.put(hiddenMessage(5));
    expect(log.lastMessage()).toBeUndefined();
  });

  it('forgets a removed message by id and says whether it held it', () => {
    const log = new ChatMessageLog();
    log.put(chatMessage(1));
    log.put(chatMessage(2));
    expect(log.forget('m1')).toBe(true);
    expect(log.forget('m1')).toBe(false);
    expect(log.items().map((item) => item.seq)).toEqual([2]);
  });

  it('applies changes made while away only to messages it holds, never to older ones it never loaded', () => {
    const log = new ChatMessageLog();
    for (const seq of [10, 11, 12]) log.put(chatMessage(seq));
    log.applyChanges({ updated: [chatMessage(4, { body: 'older, reworded' }), chatMessage(11, { body: 'reworded' })], removed: [12] });
    expect(log.items().map((item) => (item.kind === 'message' ? item.body : item.kind))).toEqual(['message 10', 'reworded']);
  });

  it('turns a blocked author’s messages into placeholders and leaves everyone else’s', () => {
    const log = new ChatMessageLog();
    log.put(chatMessage(1, { author: { id: 'blocked', handle: 'harm' } }));
    log.put(chatMessage(2));
    expect(log.hideAuthor('blocked')).toBe(true);
    expect(log.items().map((item) => item.kind)).toEqual(['hidden', 'message']);
    expect(log.hideAuthor('blocked')).toBe(false);
  });
});
