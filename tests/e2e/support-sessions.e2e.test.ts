import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { Clock } from '../../apps/api/src/common/clock.js';
import { ChatGateway } from '../../apps/api/src/realtime/chat.gateway.js';
import { channel } from '../../apps/api/src/realtime/socket-context.js';
import { SessionModeService } from '../../apps/api/src/support-sessions/session-mode.service.js';
import { memberWithRole } from '../support/forum.js';
import { scheduleSession } from '../support/support-sessions.js';
import { describeViolations, seriousViolations } from './support/axe.js';
import { openChat } from './support/chat.js';
import { signedInMember, startE2eApp, type E2eApp } from './support/e2e-app.js';
import { createRoomAs, joinAs } from './support/forum-setup.js';

/** `YYYY-MM-DDTHH:mm` in UTC, rounded up to the minute: what the facilitator types with zone UTC. */
const utcWallTime = (ms: number) => new Date(Math.ceil(ms / 60_000) * 60_000).toISOString().slice(0, 16);

async function expectAxeClean(page: Page) {
  const violations = await seriousViolations(page);
  expect(describeViolations(violations)).toBe('');
}

describe('scheduled support sessions in the browser', () => {
  let e2e: E2eApp;

  beforeAll(async () => {
    e2e = await startE2eApp();
  });
  afterAll(async () => {
    await e2e?.close();
  });

  it('an admin creates a room and appoints a moderator, who schedules a session that two members RSVP to and attend', async () => {
    const clock = e2e.t.get(Clock);
    const started = clock.now().getTime();
    // bypassCSP lets axe-core be injected for the accessibility checks.
    const admin = await signedInMember(e2e, { bypassCSP: true });
    await e2e.t.query(`UPDATE users SET role = 'admin' WHERE id = $1`, [admin.user.id]);
    const facilitator = await signedInMember(e2e, { bypassCSP: true });

    // The admin makes the room and its facilitator on the Community screens.
    const ap = admin.page;
    await ap.goto('/community');
    await ap.getByRole('link', { name: 'Create a room' }).click();
    await ap.getByLabel('Address').fill('tuesday-circle');
    await ap.getByLabel('Name').fill('Tuesday circle');
    await ap.getByLabel('Description').fill('A weekly circle with a facilitator.');
    await ap.getByLabel('Guidelines', { exact: true }).fill('Be gentle. Use content warnings.');
    await ap.getByRole('button', { name: 'Create room' }).click();
    await ap.getByText('Tuesday circle is ready.').waitFor();
    await ap.getByLabel('Find a member to appoint').fill(facilitator.handle.slice(0, 10));
    await ap.getByRole('button', { name: `Appoint ${facilitator.handle}` }).click();
    await ap.getByText(`${facilitator.handle} now moderates this room.`).waitFor();
    const [room] = await e2e.t.query<{ id: string; slug: string }>(`SELECT id, slug FROM rooms WHERE slug = 'tuesday-circle'`);

    const ash = await signedInMember(e2e, { bypassCSP: true });
    // Bay uses a phone-sized screen.
    const bay = await signedInMember(e2e, { viewport: { width: 375, height: 800 }, bypassCSP: true });
    await joinAs(ash.agent, room.id);
    await joinAs(bay.agent, room.id);

    try {
      // The facilitator schedules from the room's sessions page, in their own zone.
      const f = facilitator.page;
      await f.goto(`/rooms/${room.slug}`);
      await f.getByRole('link', { name: 'Support sessions' }).click();
      await f.getByRole('heading', { name: 'Support sessions in Tuesday circle' }).waitFor();
      await f.getByText('Schedule a session').click();
      await f.getByLabel('Title').fill('Grounding together');
      await f.getByLabel('Agenda').fill('Arrive · Share · Close gently');
      // The start as typed: the session opens at exactly this minute (a slow setup may cross one).
      const startTyped = utcWallTime(clock.now().getTime() + 30 * 60_000);
      await f.getByLabel('Starts').fill(startTyped);
      await f.getByLabel('Time zone').fill('UTC');
      await f.getByLabel('Length in minutes').fill('30');
      await f.getByLabel('Places').fill('5');
      await expectAxeClean(f);
      await f.getByRole('button', { name: 'Schedule', exact: true }).click();
      await f.getByText('“Grounding together” is scheduled.').waitFor();
      const card = f.getByRole('article', { name: 'Grounding together' });
      await card.getByText('0 of 5 places taken').waitFor();

      // Bad input is explained beside its field, in the one error shape the form understands.
      await f.getByLabel('Title').fill('Too early');
      await f.getByLabel('Starts').fill('2020-01-01T10:00');
      await f.getByRole('button', { name: 'Schedule', exact: true }).click();
      await f.getByText('This start has already passed.').first().waitFor();

      // Both members take a place; they see a count, never who.
      for (const member of [ash, bay]) {
        await member.page.goto(`/rooms/${room.slug}/sessions`);
        const theirs = member.page.getByRole('article', { name: 'Grounding together' });
        await theirs.getByRole('button', { name: 'Save me a place' }).click();
        await theirs.getByText('You have a place.').waitFor();
      }
      await bay.page.reload();
      await bay.page.getByText('2 of 5 places taken').waitFor();
      expect(await bay.page.content()).not.toContain(ash.handle);
      await expectAxeClean(bay.page);
      // The calendar file comes from Kindred itself.
      expect(await bay.page.getByRole('link', { name: 'Download my sessions (.ics)' }).getAttribute('href')).toBe('/api/sessions/calendar.ics');
      const ics = await bay.context.request.get('/api/sessions/calendar.ics');
      expect(ics.headers()['content-type']).toMatch(/^text\/calendar/);
      expect(await ics.text()).toContain('SUMMARY:Grounding together');

      // Only the facilitator sees who is coming.
      await f.reload();
      await f.getByText('2 members are coming').click();
      await f.getByRole('article', { name: 'Grounding together' }).getByText(ash.handle).waitFor();

      // Everyone opens the room's chat; at the start time the server opens session mode.
      await openChat(f, room.slug);
      await openChat(ash.page, room.slug);
      await bay.page.goto(`/rooms/${room.slug}`);
      await bay.page.getByRole('tab', { name: 'Live chat' }).click();
      await bay.page.locator('.chat .chat-banner').waitFor({ state: 'detached' });
      const startsAt = Date.parse(startTyped + ':00Z');
      clock.advance(startsAt - clock.now().getTime());
      expect(await e2e.t.get(SessionModeService).advance()).toMatchObject({ opened: 1 });
      for (const page of [f, ash.page, bay.page]) await page.getByRole('heading', { name: 'Session in progress: Grounding together' }).waitFor();
      await ash.page.getByText('Arrive · Share · Close gently').waitFor();
      // Having the room open is coming to it: everyone sees how many are here, not who.
      // (The facilitator has it open too: three are here.)
      await ash.page.getByText('3 members here').waitFor();

      // The opening round: one word, or a pass.
      await ash.page.getByLabel('One word for how you are arriving').fill('tired');
      await ash.page.getByRole('button', { name: 'Share', exact: true }).click();
      await bay.page.getByRole('button', { name: 'Pass', exact: true }).click();
      await f.getByText(`${ash.handle}: tired`).waitFor();
      await f.getByText(`${bay.handle} passed`).waitFor();
      await expectAxeClean(bay.page);

      // A grounding pause called by the facilitator opens the pause tool for everyone.
      await f.getByRole('button', { name: 'Start open sharing' }).click();
      await ash.page.getByText('Open sharing.').waitFor();
      await f.getByRole('button', { name: 'Pause for everyone' }).click();
      const pause = ash.page.getByRole('dialog', { name: 'Take a pause' });
      await pause.waitFor();
      await bay.page.getByRole('dialog', { name: 'Take a pause' }).waitFor();
      await expectAxeClean(ash.page);
      await ash.page.keyboard.press('Escape');
      await pause.waitFor({ state: 'detached' });
      await bay.page.keyboard.press('Escape');
      // The facilitator pauses with the group too.
      await f.getByRole('dialog', { name: 'Take a pause' }).waitFor();
      await f.keyboard.press('Escape');

      // Closing round, then the end time closes the session and locks the chat.
      await f.getByRole('button', { name: 'Start closing round' }).click();
      await bay.page.getByLabel('One word for how you are leaving').fill('lighter');
      await bay.page.getByRole('button', { name: 'Share', exact: true }).click();
      await ash.page.getByText(`${bay.handle}: lighter`).waitFor();
      clock.advance(30 * 60_000);
      await e2e.t.get(SessionModeService).advance();
      await ash.page.getByText('“Grounding together” has ended. Thank you for being here.').waitFor();
      await ash.page.getByText('This chat is read-only for now', { exact: false }).waitFor();

      // Afterwards it is listed as past.
      await bay.page.goto(`/rooms/${room.slug}/sessions`);
      await bay.page.getByRole('heading', { name: 'Past' }).waitFor();
      await bay.page.getByText('No sessions are planned yet.').waitFor();
      await expectAxeClean(bay.page);
      expect(await bay.page.getByText('Who came', { exact: false }).count()).toBe(0);
      // Only the facilitator sees who came.
      await f.goto(`/rooms/${room.slug}/sessions`);
      await f.getByText('Who came (1 time)').click();
      const came = f.getByRole('article', { name: 'Grounding together' }).locator('li', { hasText: '3 members' });
      await came.getByText(ash.handle, { exact: false }).waitFor();
      await came.getByText(bay.handle, { exact: false }).waitFor();
    } finally {
      clock.advance(started - clock.now().getTime());
    }
  });

  it('a session that opens while a member’s chat is away shows once the chat is back', async () => {
    const clock = e2e.t.get(Clock);
    const started = clock.now().getTime();
    const admin = await memberWithRole(e2e.t, 'admin');
    const room = await createRoomAs(admin.agent, { name: 'Away circle' });
    const session = await scheduleSession(admin.agent, room.id, { title: 'While you were away', localStart: utcWallTime(started + 30 * 60_000), timeZone: 'UTC', durationMinutes: 30 });
    const cy = await signedInMember(e2e);
    await joinAs(cy.agent, room.id);
    const { page } = cy;
    try {
      await openChat(page, room.slug);
      // The connection drops, and the browser cannot come back until the session has opened.
      await page.route('**/socket.io/**', (route) => route.abort());
      const server = (e2e.t.get(ChatGateway) as unknown as { server: { in(name: string): { fetchSockets(): Promise<{ conn?: { close(): void } }[]> } } }).server;
      const theirs = () => server.in(channel.user(cy.user.id)).fetchSockets();
      for (const socket of await theirs()) socket.conn?.close();
      await page.getByText('Reconnecting… your messages are safe.').waitFor();
      clock.advance(Date.parse(session.occurrences[0]!.startsAt) - clock.now().getTime());
      expect(await e2e.t.get(SessionModeService).advance()).toMatchObject({ opened: 1 });

      await page.unroute('**/socket.io/**');
      await page.getByRole('heading', { name: 'Session in progress: While you were away' }).waitFor();
      await page.locator('.chat .chat-banner').waitFor({ state: 'detached' });
    } finally {
      clock.advance(started - clock.now().getTime());
    }
  });
});
