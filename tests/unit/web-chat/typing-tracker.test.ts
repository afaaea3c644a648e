import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import type { AuthorView } from '@kindred/contracts';
import { TypingTracker } from '../../../apps/web/src/modules/chat/lib/typing-tracker.js';

const me: AuthorView = { id: 'me', handle: 'me' };
const rowan: AuthorView = { id: 'u-rowan', handle: 'rowan' };
const ash: AuthorView = { id: 'u-ash', handle: 'ash' };

function trackerBed(joined = true) {
  const sent: boolean[] = [];
  const shown: string[][] = [];
  const state = { joined };
  const tracker = new TypingTracker(me.id, {
    canSend: () => state.joined,
    send: (typing) => sent.push(typing),
    onChange: (typing) => shown.push(typing.map((user) => user.handle)),
  });
  return { tracker, sent, shown, state, current: () => shown.at(-1) ?? [] };
}

describe('TypingTracker (who is typing, in the web app)', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2026-01-01T12:00:00Z') });
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('tells the room at a gentle rate while typing, and that we stopped after a pause', () => {
    const bed = trackerBed();
    bed.tracker.noteTyping();
    jest.advanceTimersByTime(1_000);
    bed.tracker.noteTyping();
    expect(bed.sent).toEqual([true]);
    jest.advanceTimersByTime(1_600);
    bed.tracker.noteTyping(); // 2.6 s after the first: "still typing"
    expect(bed.sent).toEqual([true, true]);
    jest.advanceTimersByTime(3_000);
    expect(bed.sent).toEqual([true, true, false]);
  });

  it('says nothing while not joined', () => {
    const bed = trackerBed(false);
    bed.tracker.noteTyping();
    bed.tracker.stopTyping();
    expect(bed.sent).toEqual([]);
  });

  it('shows others typing sorted by handle, never ourselves, until they stop or send', () => {
    const bed = trackerBed();
    bed.tracker.receive({ roomId: 'room-1', user: rowan, typing: true });
    bed.tracker.receive({ roomId: 'room-1', user: ash, typing: true });
    bed.tracker.receive({ roomId: 'room-1', user: me, typing: true });
    expect(bed.current()).toEqual(['ash', 'rowan']);
    bed.tracker.receive({ roomId: 'room-1', user: ash, typing: false });
    expect(bed.current()).toEqual(['rowan']);
    bed.tracker.clear(rowan.id);
    expect(bed.current()).toEqual([]);
  });

  it('drops someone whose "stopped" was lost, after a quiet while', () => {
    const bed = trackerBed();
    bed.tracker.receive({ roomId: 'room-1', user: rowan, typing: true });
    jest.advanceTimersByTime(5_000);
    expect(bed.current()).toEqual(['rowan']);
    jest.advanceTimersByTime(2_000);
    expect(bed.current()).toEqual([]);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('forgets everyone on a dropped connection, and stops every timer when disposed', () => {
    const bed = trackerBed();
    bed.tracker.receive({ roomId: 'room-1', user: rowan, typing: true });
    bed.tracker.noteTyping();
    bed.tracker.reset();
    expect(bed.current()).toEqual([]);
    bed.tracker.dispose();
    expect(bed.sent).toEqual([true]); // the reset already counted ours as stopped
    expect(jest.getTimerCount()).toBe(0);
  });
});
