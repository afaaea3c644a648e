import { describe, expect, it } from '@jest/globals';
import { SessionClientEvent, SessionServerEvent, type ChatRoomState, type SessionModeView, type SessionPauseView } from '@kindred/contracts';
import { Clock } from '../../apps/api/src/common/clock.js';
import { SessionModeService } from '../../apps/api/src/support-sessions/session-mode.service.js';
import { createRoom, join } from '../support/forum.js';
import { memberSession, record, request, waitFor } from '../support/realtime.js';
import { realtimeTestBed } from '../support/realtime.js';
import { scheduleSession, utcWallTime } from '../support/support-sessions.js';

const bed = realtimeTestBed();

/** A room with a facilitator, two members in its chat, and a 30-minute session starting in 20 minutes. */
async function runningScene() {
  const { t, admin } = bed;
  const room = await createRoom(admin.agent);
  const facilitator = await memberSession(t, 'facilitator');
  await admin.agent.put(`/api/rooms/${room.id}/moderators`).send({ userId: facilitator.user.id }).expect(204);
  const alice = await memberSession(t);
  const bob = await memberSession(t);
  for (const m of [alice, bob]) await join(m.agent, room.id).expect(200);
  const clock = t.get(Clock);
  const session = await scheduleSession(facilitator.agent, room.id, {
    localStart: utcWallTime(clock.now().getTime() + 20 * 60_000),
    timeZone: 'UTC',
    durationMinutes: 30,
    description: 'Check in · Share · Close',
  });
  const sockets = { facilitator: await bed.open(facilitator.token), alice: await bed.open(alice.token), bob: await bed.open(bob.token) };
  for (const s of Object.values(sockets)) expect(await request(s, 'chat:join', { roomId: room.id })).toMatchObject({ ok: true });
  const startsAt = new Date(session.occurrences[0]!.startsAt).getTime();
  return { room, session, sockets, facilitator, alice, bob, clock, startsAt };
}

/** Moves the clock to `at` and lets the server's session step run (as its timer would). */
async function at(clock: Clock, at: number) {
  clock.advance(at - clock.now().getTime());
  return bed.t.get(SessionModeService).advance();
}

describe('session mode in the room’s live chat, driven by the clock', () => {
  it('opens at the start with the agenda, runs the rounds, and closes and locks the chat at the end', async () => {
    const { room, session, sockets, facilitator, alice, bob, clock, startsAt } = await runningScene();
    const aliceModes = record<SessionModeView>(sockets.alice, SessionServerEvent.Mode);
    const aliceStates = record<ChatRoomState>(sockets.alice, 'room:state');
    const now = clock.now().getTime();
    try {
      // A minute before: nothing opens, and there is no round to take.
      expect(await at(clock, startsAt - 60_000)).toEqual({ opened: 0, closed: 0 });
      expect(await request(sockets.alice, SessionClientEvent.CheckIn, { sessionId: session.id, round: 'opening', pass: false, word: 'tired' })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
      expect((await alice.agent.get(`/api/rooms/${room.id}/sessions/live`).expect(200)).body).toEqual({ mode: null });

      // At the start the session opens once, however often the step runs.
      expect(await at(clock, startsAt)).toEqual({ opened: 1, closed: 0 });
      expect(await bed.t.get(SessionModeService).advance()).toEqual({ opened: 0, closed: 0 });
      await waitFor(() => aliceModes.length === 1, 5_000, 'session mode opened');
      expect(aliceModes[0]).toMatchObject({ sessionId: session.id, agenda: 'Check in · Share · Close', phase: 'check-in', facilitator: { handle: facilitator.handle }, rounds: { opening: [], closing: [] } });
      expect((await bob.agent.get(`/api/rooms/${room.id}/sessions/live`).expect(200)).body).toMatchObject({ mode: { sessionId: session.id, phase: 'check-in' } });

      // Opening round: one word, or a pass; more than one word is refused.
      expect(await request(sockets.alice, SessionClientEvent.CheckIn, { sessionId: session.id, round: 'opening', pass: false, word: 'two words' })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
      expect(await request(sockets.alice, SessionClientEvent.CheckIn, { sessionId: session.id, round: 'opening', pass: false, word: 'worn-out' })).toMatchObject({ ok: true });
      const bobTurn = await request<{ ok: boolean; mode: SessionModeView }>(sockets.bob, SessionClientEvent.CheckIn, { sessionId: session.id, round: 'opening', pass: true });
      expect(bobTurn.mode.rounds.opening).toEqual([{ handle: alice.handle, word: 'worn-out' }, { handle: bob.handle, word: null }]);
      await waitFor(() => aliceModes.at(-1)!.rounds.opening.length === 2, 5_000, 'both turns seen live');
      // The closing round is not open yet.
      expect(await request(sockets.alice, SessionClientEvent.CheckIn, { sessionId: session.id, round: 'closing', pass: true })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });

      // Only the facilitator moves the phases and calls a pause; a pause reaches everyone.
      expect(await request(sockets.alice, SessionClientEvent.Phase, { sessionId: session.id, phase: 'open' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      expect(await request(sockets.alice, SessionClientEvent.Pause, { sessionId: session.id, seconds: 60 })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      expect(await request(sockets.facilitator, SessionClientEvent.Phase, { sessionId: session.id, phase: 'open' })).toMatchObject({ ok: true, mode: { phase: 'open' } });
      const bobPauses = record<SessionPauseView>(sockets.bob, SessionServerEvent.Pause);
      expect(await request(sockets.facilitator, SessionClientEvent.Pause, { sessionId: session.id, seconds: 10 })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
      expect(await request(sockets.facilitator, SessionClientEvent.Pause, { sessionId: session.id, seconds: 60 })).toMatchObject({ ok: true });
      await waitFor(() => bobPauses.length === 1, 5_000, 'pause broadcast');
      expect(bobPauses[0]).toEqual({ roomId: room.id, sessionId: session.id, seconds: 60 });

      // Slow mode is chat moderation's own control, reused as it is.
      expect(await request(sockets.facilitator, 'mod:slow-mode', { roomId: room.id, seconds: 30 })).toMatchObject({ ok: true, state: { slowModeSeconds: 30 } });

      // Closing round, then the end time closes the session and locks the chat.
      expect(await request(sockets.facilitator, SessionClientEvent.Phase, { sessionId: session.id, phase: 'closing' })).toMatchObject({ ok: true, mode: { phase: 'closing' } });
      expect(await request(sockets.bob, SessionClientEvent.CheckIn, { sessionId: session.id, round: 'closing', pass: false, word: 'lighter' })).toMatchObject({ ok: true, mode: { rounds: { closing: [{ handle: bob.handle, word: 'lighter' }] } } });
      expect(await at(clock, startsAt + 30 * 60_000 - 1_000)).toEqual({ opened: 0, closed: 0 });
      expect(await at(clock, startsAt + 30 * 60_000)).toEqual({ opened: 0, closed: 1 });
      expect(await bed.t.get(SessionModeService).advance()).toEqual({ opened: 0, closed: 0 });
      await waitFor(() => aliceModes.at(-1)!.phase === 'closed', 5_000, 'session closed live');
      await waitFor(() => aliceStates.some((s) => s.locked), 5_000, 'chat locked at the end');
      expect((await alice.agent.get(`/api/rooms/${room.id}/sessions/live`).expect(200)).body).toEqual({ mode: null });
      expect(await request(sockets.alice, SessionClientEvent.CheckIn, { sessionId: session.id, round: 'closing', pass: true })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
      // The lock is logged in the moderation log as the facilitator's, like any lock.
      const log = await bed.t.query<{ action: string; reason: string }>(`SELECT action, reason FROM moderation_log WHERE room_id = $1 AND action = 'chat.lock'`, [room.id]);
      expect(log).toEqual([{ action: 'chat.lock', reason: 'The support session has ended.' }]);
    } finally {
      clock.advance(now - clock.now().getTime());
    }
  });

  it('the next week opens the chat the last one locked, but a lock a moderator put on stays until a moderator lifts it', async () => {
    const { t, admin } = bed;
    const room = await createRoom(admin.agent);
    const facilitator = await memberSession(t, 'facilitator');
    await admin.agent.put(`/api/rooms/${room.id}/moderators`).send({ userId: facilitator.user.id }).expect(204);
    const clock = t.get(Clock);
    const now = clock.now().getTime();
    const weekly = await scheduleSession(facilitator.agent, room.id, { localStart: utcWallTime(now + 20 * 60_000), timeZone: 'UTC', durationMinutes: 30, weeks: 3 });
    const [first, second, third] = weekly.occurrences.map((o) => new Date(o.startsAt).getTime());
    const mod = await bed.open(admin.token);
    const locked = async () => ((await t.query<{ locked: boolean }>('SELECT locked FROM chat_rooms WHERE room_id = $1', [room.id]))[0]?.locked ?? false);
    try {
      expect(await at(clock, first!)).toMatchObject({ opened: 1 });
      expect(await at(clock, first! + 30 * 60_000)).toMatchObject({ closed: 1 });
      expect(await locked()).toBe(true);
      // Week two: the session's own lock is lifted.
      expect(await at(clock, second!)).toMatchObject({ opened: 1 });
      expect(await locked()).toBe(false);
      expect(await at(clock, second! + 30 * 60_000)).toMatchObject({ closed: 1 });
      // A moderator unlocks, then locks the chat again for the room's safety, before week three.
      expect(await request(mod, 'mod:lock', { roomId: room.id, locked: false, reason: 'Open for the week' })).toMatchObject({ ok: true });
      expect(await request(mod, 'mod:lock', { roomId: room.id, locked: true, reason: 'Someone is being targeted' })).toMatchObject({ ok: true, state: { locked: true } });
      expect(await at(clock, third!)).toMatchObject({ opened: 1 });
      expect(await locked()).toBe(true);
      // Its end adds no second lock over the moderator's, and logs none.
      expect(await at(clock, third! + 30 * 60_000)).toMatchObject({ closed: 1 });
      const log = await t.query<{ action: string; reason: string }>(`SELECT action, reason FROM moderation_log WHERE room_id = $1 AND action IN ('chat.lock', 'chat.unlock') ORDER BY created_at`, [room.id]);
      expect(log.map((l) => `${l.action}: ${l.reason}`)).toEqual([
        'chat.lock: The support session has ended.',
        'chat.unlock: A support session started.',
        'chat.lock: The support session has ended.',
        'chat.unlock: Open for the week',
        'chat.lock: Someone is being targeted',
      ]);
    } finally {
      clock.advance(now - clock.now().getTime());
    }
  });

  it('blocks hold in the rounds: a member who blocked someone never receives their turn', async () => {
    const { room, session, sockets, alice, bob, clock, startsAt } = await runningScene();
    const now = clock.now().getTime();
    try {
      await bob.agent.post('/api/me/blocks').send({ handle: alice.handle }).expect(201);
      const bobModes = record<SessionModeView>(sockets.bob, SessionServerEvent.Mode);
      await at(clock, startsAt + 1_000);
      // The opening reaches bob asynchronously: wait for it, so it is not taken for the turn's update.
      await waitFor(() => bobModes.length === 1, 5_000, 'bob hears the session open');
      bobModes.length = 0;
      const bobRaw: string[] = [];
      sockets.bob.onAny((_event: string, ...args: unknown[]) => bobRaw.push(JSON.stringify(args)));
      const facilitatorModes = record<SessionModeView>(sockets.facilitator, SessionServerEvent.Mode);
      expect(await request(sockets.alice, SessionClientEvent.CheckIn, { sessionId: session.id, round: 'opening', pass: false, word: 'anxious' })).toMatchObject({ ok: true });
      await waitFor(() => facilitatorModes.some((m) => m.rounds.opening.length === 1), 5_000, 'the facilitator sees the turn');
      await waitFor(() => bobModes.length === 1, 5_000, 'bob hears the change, without the turn');
      expect(bobModes[0]!.rounds.opening).toEqual([]);
      const bobTurn = await request<{ ok: boolean; mode: SessionModeView }>(sockets.bob, SessionClientEvent.CheckIn, { sessionId: session.id, round: 'opening', pass: true });
      expect(bobTurn.mode.rounds.opening).toEqual([{ handle: bob.handle, word: null }]);
      expect(((await bob.agent.get(`/api/rooms/${room.id}/sessions/live`).expect(200)).body as { mode: SessionModeView }).mode.rounds.opening).toEqual([{ handle: bob.handle, word: null }]);
      await waitFor(() => bobModes.length === 2, 5_000, 'bob hears his own turn');
      expect(bobRaw.join('\n')).not.toContain('anxious');
    } finally {
      await at(clock, startsAt + 31 * 60_000);
      clock.advance(now - clock.now().getTime());
    }
  });

  it('turns are for members of the room; strangers and bad payloads are refused', async () => {
    const { session, sockets, clock, startsAt } = await runningScene();
    const now = clock.now().getTime();
    try {
      await at(clock, startsAt + 1_000);
      const stranger = await memberSession(bed.t, 'stranger');
      const strangerSocket = await bed.open(stranger.token);
      expect(await request(strangerSocket, SessionClientEvent.CheckIn, { sessionId: session.id, round: 'opening', pass: true })).toMatchObject({ ok: false, code: 'NOT_A_MEMBER' });
      expect(await request(strangerSocket, SessionClientEvent.Pause, { sessionId: session.id, seconds: 60 })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      for (const bad of [
        { sessionId: 'nope', round: 'opening', pass: true },
        { sessionId: session.id, round: 'middle', pass: true },
        { sessionId: session.id, round: 'opening', pass: false, word: 'x'.repeat(25) },
        { sessionId: session.id, round: 'opening', pass: false, word: '<b>' },
        { sessionId: session.id, round: 'opening', pass: true, extra: 1 },
      ]) {
        expect(await request(sockets.alice, SessionClientEvent.CheckIn, bad)).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
      }
      expect(await request(sockets.alice, SessionClientEvent.CheckIn, { sessionId: session.id, round: 'opening', pass: false })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
      expect(await request(sockets.alice, SessionClientEvent.CheckIn, { sessionId: '00000000-0000-4000-8000-000000000000', round: 'opening', pass: true })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    } finally {
      await at(clock, startsAt + 31 * 60_000);
      clock.advance(now - clock.now().getTime());
    }
  });

  it('who came is counted once per occurrence: everyone sees how many, only the facilitator sees who', async () => {
    const { room, session, sockets, facilitator, alice, bob, clock, startsAt } = await runningScene();
    const now = clock.now().getTime();
    try {
      // Before it runs there is nothing to come to.
      expect(await request(sockets.alice, SessionClientEvent.Attend, { sessionId: session.id })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
      await at(clock, startsAt + 1_000);
      const bobModes = record<SessionModeView>(sockets.bob, SessionServerEvent.Mode);
      expect(await request(sockets.alice, SessionClientEvent.Attend, { sessionId: session.id })).toMatchObject({ ok: true, mode: { present: 1 } });
      // Again (a reconnect, a second tab) is still one.
      expect(await request(sockets.alice, SessionClientEvent.Attend, { sessionId: session.id })).toMatchObject({ ok: true, mode: { present: 1 } });
      await waitFor(() => bobModes.some((m) => m.present === 1), 5_000, 'the room hears the count');
      expect(JSON.stringify(bobModes)).not.toContain(alice.handle);

      const asFacilitator = (await facilitator.agent.get(`/api/rooms/${room.id}/sessions/${session.id}`).expect(200)).body as { cameTo: { startsAt: string; handles: string[] }[] };
      expect(asFacilitator.cameTo).toEqual([{ startsAt: session.occurrences[0]!.startsAt, handles: [alice.handle] }]);
      const asMember = (await bob.agent.get(`/api/rooms/${room.id}/sessions/${session.id}`).expect(200)).body as Record<string, unknown>;
      expect(asMember.cameTo).toBeUndefined();
      expect(JSON.stringify(asMember)).not.toContain(alice.handle);

      const stranger = await memberSession(bed.t, 'stranger');
      expect(await request(await bed.open(stranger.token), SessionClientEvent.Attend, { sessionId: session.id })).toMatchObject({ ok: false, code: 'NOT_A_MEMBER' });
      const exported = (await alice.agent.get('/api/me/export').expect(200)).body as { supportSessionAttendance: unknown[] };
      expect(exported.supportSessionAttendance).toHaveLength(1);
    } finally {
      await at(clock, startsAt + 31 * 60_000);
      clock.advance(now - clock.now().getTime());
    }
  });
});
