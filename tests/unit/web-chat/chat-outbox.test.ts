import { describe, expect, it } from '@jest/globals';
import type { ChatAck, ChatError, ChatMessageView, SendMessageResult } from '@kindred/contracts';
import { ErrorCode } from '@kindred/contracts';
import { ChatOutbox, type PendingMessage } from '../../../apps/web/src/modules/chat/lib/chat-outbox.js';
import { chatMessage } from './chat-items.js';

/** An outbox whose server answers are scripted; records what the screen would be shown. */
function outboxWith(answer: (message: PendingMessage) => Promise<ChatAck<SendMessageResult> | null>, connected = true) {
  const shown: PendingMessage[][] = [];
  const sent: ChatMessageView[] = [];
  const transmitted: string[] = [];
  const later: (() => void)[] = [];
  const state = { connected };
  const outbox = new ChatOutbox({
    canSend: () => state.connected,
    transmit: (message) => {
      transmitted.push(message.clientId);
      return answer(message);
    },
    onSent: (message) => sent.push(message),
    later: (fn) => later.push(fn),
    onChange: (pending) => shown.push(pending),
  });
  const current = () => shown.at(-1) ?? [];
  return { outbox, shown, sent, transmitted, later, state, current };
}

const slowMode: ChatError = { ok: false, code: ErrorCode.SlowMode, message: 'This room is in slow mode.' };

describe('ChatOutbox (messages on their way, in the web app)', () => {
  it('shows a message as sending at once, and takes it away when the server saved it', async () => {
    const bed = outboxWith(async (message) => ({ ok: true, message: chatMessage(7, { clientId: message.clientId }) }));
    const clientId = bed.outbox.add('hello', { categories: [], noneApply: true });
    expect(bed.current()).toEqual([{ clientId, body: 'hello', warning: { categories: [], noneApply: true }, state: 'sending' }]);
    const outcome = await bed.outbox.deliver(clientId);
    expect(outcome).toEqual({ kind: 'sent', message: chatMessage(7, { clientId }) });
    expect(bed.sent.map((m) => m.clientId)).toEqual([clientId]);
    expect(bed.current()).toEqual([]);
  });

  it('keeps a refused message as failed, with the server’s words', async () => {
    const bed = outboxWith(async () => slowMode);
    const clientId = bed.outbox.add('hello');
    expect(await bed.outbox.deliver(clientId)).toEqual({ kind: 'refused', error: slowMode });
    expect(bed.current()).toEqual([{ clientId, body: 'hello', state: 'failed', problem: slowMode }]);
  });

  it('queues while offline and sends the queue, with the same client ids, once it can', async () => {
    const bed = outboxWith(async (message) => ({ ok: true, message: chatMessage(1, { clientId: message.clientId }) }), false);
    const first = bed.outbox.add('one');
    const second = bed.outbox.add('two');
    expect(await bed.outbox.deliver(first)).toEqual({ kind: 'queued' });
    expect(await bed.outbox.deliver(second)).toEqual({ kind: 'queued' });
    expect(bed.transmitted).toEqual([]);
    expect(bed.current().map((p) => p.state)).toEqual(['queued', 'queued']);
    bed.state.connected = true;
    bed.outbox.flushQueued();
    await new Promise((resolve) => setImmediate(resolve));
    expect(bed.transmitted).toEqual([first, second]);
    expect(bed.current()).toEqual([]);
  });

  it('queues a message whose answer was lost and tries it again later with the same client id', async () => {
    let answers = 0;
    const bed = outboxWith(async (message) => {
      answers += 1;
      if (answers === 1) return null; // no answer in time
      return { ok: true, message: chatMessage(2, { clientId: message.clientId }) };
    });
    const clientId = bed.outbox.add('are you there?');
    expect(await bed.outbox.deliver(clientId)).toEqual({ kind: 'queued' });
    expect(bed.current()[0]?.state).toBe('queued');
    expect(bed.later).toHaveLength(1);
    bed.later[0]!();
    await new Promise((resolve) => setImmediate(resolve));
    expect(bed.transmitted).toEqual([clientId, clientId]);
    expect(bed.current()).toEqual([]);
  });

  it('settles a message when it arrives by another way (a replay), and only that one', () => {
    const bed = outboxWith(async () => slowMode, false);
    const first = bed.outbox.add('one');
    const second = bed.outbox.add('two');
    bed.outbox.settle(first);
    bed.outbox.settle('someone-elses');
    expect(bed.current().map((p) => p.clientId)).toEqual([second]);
  });
});
