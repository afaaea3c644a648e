import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RoomSessionsView, SupportSessionView } from '@kindred/contracts';
import { Clock } from '../../apps/api/src/common/clock.js';
import { registerMember } from '../support/accounts.js';
import { expectApiError } from '../support/error-shape.js';
import { createRoom, join, memberWithRole, roomWithModerators, type Agent } from '../support/forum.js';
import { scheduleSession, sessionRequest, utcWallTime } from '../support/support-sessions.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: Agent;

beforeAll(async () => {
  t = await startTestApp();
  admin = (await memberWithRole(t, 'admin')).agent;
});
afterAll(async () => {
  await t?.close();
});

/** A room with one moderator (the facilitator) and `members` joined members. */
async function group(members = 2, settings: Parameters<typeof createRoom>[1] = {}) {
  const { room, moderators } = await roomWithModerators(t, admin, settings);
  const people = [];
  for (let i = 0; i < members; i += 1) {
    const member = await registerMember(t);
    if (settings.joinPolicy !== 'invite') expect((await join(member.agent, room.id)).status).toBe(200);
    people.push(member);
  }
  return { room, facilitator: moderators[0]!.agent, members: people };
}

describe('scheduling', () => {
  it('a facilitator schedules a session: stored as UTC with the zone and local time, listed as upcoming', async () => {
    const { room, facilitator, members } = await group(1);
    const session = await scheduleSession(facilitator, room.id, { localStart: '2027-07-01T18:30', timeZone: 'America/New_York', durationMinutes: 90, capacity: 5, lateJoinMinutes: 10 });
    // 18:30 in New York in July is EDT (UTC−4).
    expect(session.occurrences).toEqual([{ startsAt: '2027-07-01T22:30:00.000Z', endsAt: '2027-07-02T00:00:00.000Z' }]);
    expect(session).toMatchObject({ timeZone: 'America/New_York', localStart: '2027-07-01T18:30', durationMinutes: 90, capacity: 5, lateJoinMinutes: 10, weeks: 1, rsvpCount: 0 });
    const stored = await t.query<{ starts_at: Date; time_zone: string; local_start: string }>('SELECT starts_at, time_zone, local_start FROM support_sessions WHERE id = $1', [session.id]);
    expect(stored[0]!.starts_at.toISOString()).toBe('2027-07-01T22:30:00.000Z');
    const list = (await members[0]!.agent.get(`/api/rooms/${room.slug}/sessions`).expect(200)).body as RoomSessionsView;
    expect(list.upcoming.map((s) => s.id)).toEqual([session.id]);
    expect(list.past).toEqual([]);
    expect(list.upcoming[0]!.viewer).toEqual({ rsvped: false, canFacilitate: false });
  });

  it('a weekly session keeps its local time across a DST change', async () => {
    const { room, facilitator } = await group(0);
    // Europe/Madrid moves to summer time on 28 March 2027; US zones on 14 March 2027.
    const madrid = await scheduleSession(facilitator, room.id, { localStart: '2027-03-20T18:00', timeZone: 'Europe/Madrid', weeks: 3 });
    expect(madrid.occurrences.map((o) => o.startsAt)).toEqual(['2027-03-20T17:00:00.000Z', '2027-03-27T17:00:00.000Z', '2027-04-03T16:00:00.000Z']);
    const newYork = await scheduleSession(facilitator, room.id, { localStart: '2027-03-07T10:00', timeZone: 'America/New_York', weeks: 2 });
    expect(newYork.occurrences.map((o) => o.startsAt)).toEqual(['2027-03-07T15:00:00.000Z', '2027-03-14T14:00:00.000Z']);
    // Autumn back: 31 October 2027 in Madrid.
    const autumn = await scheduleSession(facilitator, room.id, { localStart: '2027-10-24T09:00', timeZone: 'Europe/Madrid', weeks: 2 });
    expect(autumn.occurrences.map((o) => o.startsAt)).toEqual(['2027-10-24T07:00:00.000Z', '2027-10-31T08:00:00.000Z']);
  });

  it('refuses bad input with a clear 4xx in the error shape', async () => {
    const { room, facilitator } = await group(0);
    const post = (body: object) => facilitator.post(`/api/rooms/${room.id}/sessions`).send(body);
    const past = await post(sessionRequest({ localStart: '2020-01-01T10:00' }));
    expectApiError(past, 400, 'VALIDATION_FAILED');
    expect(past.body.details[0]).toMatchObject({ field: 'localStart', code: 'session.startInPast' });
    const long = await post(sessionRequest({ durationMinutes: 241 }));
    expectApiError(long, 400, 'VALIDATION_FAILED');
    expect(long.body.details[0]).toMatchObject({ field: 'durationMinutes', code: 'validation.max' });
    for (const zone of ['Mars/Olympus_Mons', '+02:00', 'Not a zone', '']) {
      const res = await post(sessionRequest({ timeZone: zone }));
      expectApiError(res, 400, 'VALIDATION_FAILED');
    }
    expect((await post(sessionRequest({ timeZone: 'Mars/Olympus_Mons' }))).body.details[0]).toMatchObject({ field: 'timeZone', code: 'session.unknownTimeZone' });
    expectApiError(await post(sessionRequest({ localStart: '2027-02-30T10:00' })), 400, 'VALIDATION_FAILED');
    expectApiError(await post(sessionRequest({ localStart: 'tomorrow at six' })), 400, 'VALIDATION_FAILED');
    expectApiError(await post(sessionRequest({ capacity: 0 })), 400, 'VALIDATION_FAILED');
    expectApiError(await post(sessionRequest({ weeks: 53 })), 400, 'VALIDATION_FAILED');
    expectApiError(await post({ ...sessionRequest(), title: null }), 400, 'VALIDATION_FAILED');
    expectApiError(await post({ ...sessionRequest(), extra: 'no' }), 400, 'VALIDATION_FAILED');
    expect(await t.query('SELECT id FROM support_sessions WHERE room_id = $1', [room.id])).toEqual([]);
  });

  it('refuses a session overlapping another in the same room (weekly occurrences included), not in another room', async () => {
    const { room, facilitator } = await group(0);
    await scheduleSession(facilitator, room.id, { localStart: '2027-09-01T18:00', timeZone: 'Europe/Madrid', durationMinutes: 60, weeks: 4 });
    // 18:30 Madrid on the third week falls inside the weekly session.
    const clash = await facilitator.post(`/api/rooms/${room.id}/sessions`).send(sessionRequest({ localStart: '2027-09-15T18:30', timeZone: 'Europe/Madrid' }));
    expectApiError(clash, 409, 'SESSION_OVERLAP');
    // The same instant written in another zone is the same clash.
    expectApiError(await facilitator.post(`/api/rooms/${room.id}/sessions`).send(sessionRequest({ localStart: '2027-09-08T12:30', timeZone: 'America/New_York' })), 409, 'SESSION_OVERLAP');
    // Back to back is fine.
    await scheduleSession(facilitator, room.id, { localStart: '2027-09-01T19:00', timeZone: 'Europe/Madrid' });
    const other = await group(0);
    await scheduleSession(other.facilitator, other.room.id, { localStart: '2027-09-15T18:30', timeZone: 'Europe/Madrid' });
  });

  it('two overlapping sessions scheduled at once: exactly one is kept', async () => {
    const { room, facilitator } = await group(0);
    const body = sessionRequest({ localStart: '2027-11-03T10:00', timeZone: 'UTC' });
    const results = await Promise.all(Array.from({ length: 5 }, (_, i) => facilitator.post(`/api/rooms/${room.id}/sessions`).send({ ...body, title: `Clash ${i}` })));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    for (const r of results.filter((r) => r.status !== 201)) expectApiError(r, 409, 'SESSION_OVERLAP');
  });

  it('only the room’s moderators (and staff) schedule, edit or cancel; the gate refuses members with 403', async () => {
    const { room, facilitator, members } = await group(1);
    const member = members[0]!.agent;
    expectApiError(await member.post(`/api/rooms/${room.id}/sessions`).send(sessionRequest()), 403, 'FORBIDDEN');
    const outsider = (await registerMember(t)).agent;
    expectApiError(await outsider.post(`/api/rooms/${room.id}/sessions`).send(sessionRequest()), 403, 'FORBIDDEN');
    expectApiError(await t.http.post(`/api/rooms/${room.id}/sessions`).send(sessionRequest()), 401, 'UNAUTHENTICATED');
    const session = await scheduleSession(facilitator, room.id);
    expectApiError(await member.patch(`/api/rooms/${room.id}/sessions/${session.id}`).send({ title: 'Mine now' }), 403, 'FORBIDDEN');
    expectApiError(await member.delete(`/api/rooms/${room.id}/sessions/${session.id}`), 403, 'FORBIDDEN');
    // A global moderator may facilitate anywhere.
    const globalModerator = (await memberWithRole(t, 'moderator')).agent;
    await scheduleSession(globalModerator, room.id);
    // Another room's moderator is nobody here; a session id from another room is not found.
    const other = await group(0);
    expectApiError(await other.facilitator.patch(`/api/rooms/${room.id}/sessions/${session.id}`).send({ title: 'Taken over' }), 403, 'FORBIDDEN');
    expectApiError(await other.facilitator.patch(`/api/rooms/${other.room.id}/sessions/${session.id}`).send({ title: 'Taken over' }), 404, 'NOT_FOUND');
  });

  it('a private room’s sessions are not for non-members', async () => {
    const { room, facilitator, members } = await group(1, { joinPolicy: 'request' });
    await scheduleSession(facilitator, room.id);
    const outsider = (await registerMember(t)).agent;
    expectApiError(await outsider.get(`/api/rooms/${room.id}/sessions`), 404, 'NOT_FOUND');
    expectApiError(await t.http.get(`/api/rooms/${room.id}/sessions`), 401, 'UNAUTHENTICATED');
    // The member asked to join but was not approved yet: still outside.
    expectApiError(await members[0]!.agent.get(`/api/rooms/${room.id}/sessions`), 404, 'NOT_FOUND');
    const hidden = await group(0, { visibility: 'hidden', joinPolicy: 'invite' });
    await scheduleSession(hidden.facilitator, hidden.room.id);
    expectApiError(await outsider.get(`/api/rooms/${hidden.room.id}/sessions`), 404, 'NOT_FOUND');
  });

  it('the facilitator edits and cancels; edits are checked as strictly as new sessions', async () => {
    const { room, facilitator, members } = await group(2);
    const session = await scheduleSession(facilitator, room.id, { localStart: '2027-12-01T18:00', timeZone: 'Europe/Madrid', capacity: 3 });
    const blocker = await scheduleSession(facilitator, room.id, { localStart: '2027-12-02T18:00', timeZone: 'Europe/Madrid' });
    const edited = await facilitator.patch(`/api/rooms/${room.id}/sessions/${session.id}`).send({ title: 'Winter circle', localStart: '2027-12-01T19:00', durationMinutes: 45 }).expect(200);
    expect(edited.body).toMatchObject({ title: 'Winter circle', localStart: '2027-12-01T19:00', occurrences: [{ startsAt: '2027-12-01T18:00:00.000Z', endsAt: '2027-12-01T18:45:00.000Z' }] });
    expectApiError(await facilitator.patch(`/api/rooms/${room.id}/sessions/${session.id}`).send({ localStart: '2027-12-02T18:30' }), 409, 'SESSION_OVERLAP');
    expectApiError(await facilitator.patch(`/api/rooms/${room.id}/sessions/${session.id}`).send({ localStart: '2021-12-02T18:30' }), 400, 'VALIDATION_FAILED');
    expectApiError(await facilitator.patch(`/api/rooms/${room.id}/sessions/${session.id}`).send({ durationMinutes: 300 }), 400, 'VALIDATION_FAILED');
    expectApiError(await facilitator.patch(`/api/rooms/${room.id}/sessions/${session.id}`).send({ timeZone: 'Nowhere/Special' }), 400, 'VALIDATION_FAILED');
    // Capacity cannot fall below the members who already RSVPed.
    for (const m of members) await m.agent.put(`/api/rooms/${room.id}/sessions/${session.id}/rsvp`).expect(200);
    const tooSmall = await facilitator.patch(`/api/rooms/${room.id}/sessions/${session.id}`).send({ capacity: 1 });
    expectApiError(tooSmall, 409, 'CAPACITY_BELOW_RSVPS');
    expect(tooSmall.body.params).toEqual({ count: 2 });
    await facilitator.patch(`/api/rooms/${room.id}/sessions/${session.id}`).send({ capacity: 2 }).expect(200);
    // Cancelling tells those with a place, privately; nobody else hears of it.
    const gone = await scheduleSession(facilitator, room.id, { localStart: '2027-12-03T18:00', timeZone: 'Europe/Madrid', title: 'Cancelled circle' });
    await members[0]!.agent.put(`/api/rooms/${room.id}/sessions/${gone.id}/rsvp`).expect(200);
    await facilitator.delete(`/api/rooms/${room.id}/sessions/${gone.id}`).expect(204);
    const cancelledNotices = async (agent: Agent) =>
      ((await agent.get('/api/me/notifications').expect(200)).body as { code: string; params: Record<string, unknown> }[]).filter((n) => n.code === 'session.cancelled');
    expect(await cancelledNotices(members[0]!.agent)).toEqual([expect.objectContaining({ params: { title: 'Cancelled circle' } })]);
    expect(await cancelledNotices(members[1]!.agent)).toEqual([]);
    // Cancelling frees the time slot and removes it from the list.
    await facilitator.delete(`/api/rooms/${room.id}/sessions/${blocker.id}`).expect(204);
    await facilitator.patch(`/api/rooms/${room.id}/sessions/${session.id}`).send({ localStart: '2027-12-02T18:30' }).expect(200);
    const list = (await members[0]!.agent.get(`/api/rooms/${room.id}/sessions`).expect(200)).body as RoomSessionsView;
    expect(list.upcoming.map((s) => s.id)).toEqual([session.id]);
    expectApiError(await facilitator.delete(`/api/rooms/${room.id}/sessions/${blocker.id}`), 404, 'NOT_FOUND');
  });

  it('a session that has ended is listed as past; latecomers may RSVP only until its late-join time', async () => {
    const { room, facilitator, members } = await group(2);
    const clock = t.get(Clock);
    const start = clock.now().getTime() + 30 * 60_000;
    const session = await scheduleSession(facilitator, room.id, { localStart: utcWallTime(start), timeZone: 'UTC', durationMinutes: 30, lateJoinMinutes: 5 });
    const startsAt = new Date(session.occurrences[0]!.startsAt).getTime();
    const moved = startsAt + 4 * 60_000 - clock.now().getTime();
    clock.advance(moved);
    try {
      await members[0]!.agent.put(`/api/rooms/${room.id}/sessions/${session.id}/rsvp`).expect(200);
      clock.advance(2 * 60_000);
      expectApiError(await members[1]!.agent.put(`/api/rooms/${room.id}/sessions/${session.id}/rsvp`), 400, 'VALIDATION_FAILED');
      clock.advance(30 * 60_000);
      const list = (await members[0]!.agent.get(`/api/rooms/${room.id}/sessions`).expect(200)).body as RoomSessionsView;
      expect(list.past.map((s) => s.id)).toContain(session.id);
      expect(list.upcoming.map((s) => s.id)).not.toContain(session.id);
    } finally {
      clock.advance(-moved - 32 * 60_000);
    }
  });
});

describe('RSVP', () => {
  it('members RSVP and withdraw; members see a count, only facilitators see who', async () => {
    const { room, facilitator, members } = await group(2);
    const session = await scheduleSession(facilitator, room.id, { capacity: 4 });
    const [a, b] = members;
    expect((await a!.agent.put(`/api/rooms/${room.id}/sessions/${session.id}/rsvp`).expect(200)).body).toEqual({ rsvped: true, rsvpCount: 1 });
    // Again is harmless.
    expect((await a!.agent.put(`/api/rooms/${room.id}/sessions/${session.id}/rsvp`).expect(200)).body).toEqual({ rsvped: true, rsvpCount: 1 });
    await b!.agent.put(`/api/rooms/${room.id}/sessions/${session.id}/rsvp`).expect(200);
    const asMember = (await b!.agent.get(`/api/rooms/${room.id}/sessions/${session.id}`).expect(200)).body as SupportSessionView;
    expect(asMember.rsvpCount).toBe(2);
    expect(asMember.viewer.rsvped).toBe(true);
    expect(asMember.attendees).toBeUndefined();
    expect(JSON.stringify(asMember)).not.toContain(a!.handle);
    const listed = (await b!.agent.get(`/api/rooms/${room.id}/sessions`).expect(200)).body as RoomSessionsView;
    expect(JSON.stringify(listed)).not.toContain(a!.handle);
    const asFacilitator = (await facilitator.get(`/api/rooms/${room.id}/sessions/${session.id}`).expect(200)).body as SupportSessionView;
    expect(asFacilitator.attendees!.map((x) => x.handle).sort()).toEqual([a!.handle, b!.handle].sort());
    expect(asFacilitator.viewer.canFacilitate).toBe(true);
    expect((await a!.agent.delete(`/api/rooms/${room.id}/sessions/${session.id}/rsvp`).expect(200)).body).toEqual({ rsvped: false, rsvpCount: 1 });
  });

  it('only members of the room RSVP', async () => {
    const { room, facilitator } = await group(0);
    const session = await scheduleSession(facilitator, room.id);
    const outsider = (await registerMember(t)).agent;
    // A listed open room's sessions can be read before joining, but taking a place needs joining.
    await outsider.get(`/api/rooms/${room.id}/sessions`).expect(200);
    expectApiError(await outsider.put(`/api/rooms/${room.id}/sessions/${session.id}/rsvp`), 403, 'NOT_A_MEMBER');
    expectApiError(await t.http.put(`/api/rooms/${room.id}/sessions/${session.id}/rsvp`), 401, 'UNAUTHENTICATED');
    expectApiError(await outsider.put(`/api/rooms/${room.id}/sessions/not-a-uuid/rsvp`), 400, 'VALIDATION_FAILED');
  });

  it('leaving the room gives the member’s places back (a member who stays keeps theirs)', async () => {
    const { room, facilitator, members } = await group(2);
    const session = await scheduleSession(facilitator, room.id, { capacity: 2 });
    const [leaver, stayer] = members;
    for (const m of [leaver!, stayer!]) await m.agent.put(`/api/rooms/${room.id}/sessions/${session.id}/rsvp`).expect(200);
    await leaver!.agent.post(`/api/rooms/${room.id}/leave`).expect(204);
    // The places are given back just after the leave's commit, by its event.
    const attendees = async () => ((await facilitator.get(`/api/rooms/${room.id}/sessions/${session.id}`).expect(200)).body as SupportSessionView).attendees!.map((x) => x.handle);
    for (let i = 0; i < 50 && (await attendees()).length > 1; i += 1) await new Promise((r) => setTimeout(r, 20));
    expect(await attendees()).toEqual([stayer!.handle]);
    const theirView = (await leaver!.agent.get(`/api/rooms/${room.id}/sessions/${session.id}`).expect(200)).body as SupportSessionView;
    expect(theirView).toMatchObject({ rsvpCount: 1, viewer: { rsvped: false } });
    // The freed place can be taken again.
    const newcomer = await registerMember(t);
    expect((await join(newcomer.agent, room.id)).status).toBe(200);
    expect((await newcomer.agent.put(`/api/rooms/${room.id}/sessions/${session.id}/rsvp`).expect(200)).body).toEqual({ rsvped: true, rsvpCount: 2 });
  });

  it('capacity is never overbooked under many concurrent RSVPs', async () => {
    const capacity = 3;
    const { room, facilitator, members } = await group(12);
    const session = await scheduleSession(facilitator, room.id, { capacity });
    const results = await Promise.all(members.map((m) => m.agent.put(`/api/rooms/${room.id}/sessions/${session.id}/rsvp`)));
    expect(results.filter((r) => r.status === 200)).toHaveLength(capacity);
    for (const r of results.filter((r) => r.status !== 200)) expectApiError(r, 409, 'SESSION_FULL');
    const [{ count }] = await t.query<{ count: string }>('SELECT count(*) FROM support_session_rsvps WHERE session_id = $1', [session.id]);
    expect(Number(count)).toBe(capacity);
  });
});

describe('archived rooms', () => {
  it('keep their sessions readable and RSVPs withdrawable, but nothing new is scheduled or joined', async () => {
    const { room, facilitator, members } = await group(2);
    const session = await scheduleSession(facilitator, room.id, { capacity: 4 });
    const [a, b] = members;
    await a!.agent.put(`/api/rooms/${room.id}/sessions/${session.id}/rsvp`).expect(200);
    await admin.post(`/api/rooms/${room.id}/archive`).send({ reason: 'The group has finished its run.' }).expect(204);

    expect(((await b!.agent.get(`/api/rooms/${room.id}/sessions`).expect(200)).body as RoomSessionsView).upcoming.map((s) => s.id)).toEqual([session.id]);
    expectApiError(await b!.agent.put(`/api/rooms/${room.id}/sessions/${session.id}/rsvp`), 403, 'ROOM_ARCHIVED');
    expectApiError(await facilitator.post(`/api/rooms/${room.id}/sessions`).send(sessionRequest()), 403, 'ROOM_ARCHIVED');
    expect((await a!.agent.delete(`/api/rooms/${room.id}/sessions/${session.id}/rsvp`).expect(200)).body).toEqual({ rsvped: false, rsvpCount: 0 });
  });
});

describe('.ics download', () => {
  it('serves the member’s RSVPs as text/calendar with UTC starts, later occurrences and escaped text', async () => {
    const { room, facilitator, members } = await group(1);
    const member = members[0]!.agent;
    const weekly = await scheduleSession(facilitator, room.id, {
      title: 'Grounding, together; gently\\softly',
      description: 'Line one\nLine two, with a comma; and a semicolon',
      localStart: '2027-03-20T18:00',
      timeZone: 'Europe/Madrid',
      weeks: 3,
    });
    const notMine = await scheduleSession(facilitator, room.id, { title: 'Not RSVPed' });
    await member.put(`/api/rooms/${room.id}/sessions/${weekly.id}/rsvp`).expect(200);
    const res = await member.get('/api/sessions/calendar.ics').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    expect(res.headers['content-disposition']).toContain('attachment');
    const text = res.text;
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text).toContain(`UID:${weekly.id}@kindred`);
    expect(text).toContain('DTSTART:20270320T170000Z');
    // The later occurrences keep 18:00 Madrid: one hour earlier in UTC after the change.
    expect(text).toContain('RDATE:20270327T170000Z,20270403T160000Z');
    expect(text).toContain('DURATION:PT60M');
    expect(text).toContain('SUMMARY:Grounding\\, together\\; gently\\\\softly');
    expect(text).toContain('DESCRIPTION:Line one\\nLine two\\, with a comma\\; and a semicolon');
    expect(text).not.toContain(notMine.id);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expectApiError(await t.http.get('/api/sessions/calendar.ics'), 401, 'UNAUTHENTICATED');
  });
});

describe('data rights', () => {
  it('RSVPs are in the member’s export, and go when the account is deleted (the place is freed)', async () => {
    const { room, facilitator, members } = await group(1);
    const [member] = members;
    const session = await scheduleSession(facilitator, room.id, { title: 'Exported circle', capacity: 1 });
    await member!.agent.put(`/api/rooms/${room.id}/sessions/${session.id}/rsvp`).expect(200);
    const exported = (await member!.agent.get('/api/me/export').expect(200)).body as { supportSessionRsvps: { title: string }[] };
    expect(exported.supportSessionRsvps.map((r) => r.title)).toEqual(['Exported circle']);
    await member!.agent.delete('/api/me').send({ password: 'quiet-harbour-lantern-42', eraseContent: false }).expect(204);
    expect((await facilitator.get(`/api/rooms/${room.id}/sessions/${session.id}`).expect(200)).body).toMatchObject({ rsvpCount: 0, attendees: [] });
  });
});
