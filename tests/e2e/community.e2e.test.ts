/**
 * Running the community from the browser: an admin creates a room and appoints its moderator,
 * who then sees the room-level screen for that room and none of the admin parts; registration
 * in invite-only mode with a code made on the Community screens. Axe on every new screen.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { GOOD_PASSWORD, uniqueHandle } from '../support/accounts.js';
import { describeViolations, seriousViolations } from './support/axe.js';
import { signedInMember, startE2eApp, type E2eApp } from './support/e2e-app.js';

const PHONE = { width: 375, height: 740 };

async function expectAxeClean(page: Page, where: string): Promise<void> {
  const violations = await seriousViolations(page);
  expect(`${where}: ${describeViolations(violations)}`).toBe(`${where}: `);
}

describe('the Community screens', () => {
  let e2e: E2eApp;

  beforeAll(async () => {
    e2e = await startE2eApp();
  });

  afterAll(async () => {
    await e2e?.close();
  });

  async function signedInAdmin(viewport = { width: 1280, height: 900 }) {
    const admin = await signedInMember(e2e, { bypassCSP: true, viewport });
    await e2e.t.query(`UPDATE users SET role = 'admin' WHERE id = $1`, [admin.user.id]);
    return admin;
  }

  it('an admin creates a room and appoints a moderator, who sees only the room-level screen for that room', async () => {
    const admin = await signedInAdmin();
    const moderator = await signedInMember(e2e, { bypassCSP: true, viewport: PHONE });
    const member = await signedInMember(e2e, { bypassCSP: true });
    const ap = admin.page;

    await ap.goto('/');
    await ap.getByRole('link', { name: 'Community' }).click();
    await ap.getByRole('heading', { level: 1, name: 'Community' }).waitFor();
    await expectAxeClean(ap, 'community rooms');

    await ap.getByRole('link', { name: 'Create a room' }).click();
    await ap.getByRole('heading', { level: 2, name: 'Create a room' }).waitFor();
    await expectAxeClean(ap, 'new room form');
    await ap.getByLabel('Address').fill('evening-circle');
    await ap.getByLabel('Name').fill('Evening circle');
    await ap.getByLabel('Description').fill('A calm room for the end of the day.');
    await ap.getByLabel('Guidelines', { exact: true }).fill('Be gentle. Use content warnings.');
    await ap.getByLabel('Who can join').selectOption({ label: 'Join by request' });
    await ap.getByLabel('Slow mode between posts (seconds)').fill('30');
    await ap.getByRole('button', { name: 'Create room' }).click();
    await ap.getByText('Evening circle is ready.').waitFor();
    await ap.getByRole('heading', { level: 2, name: 'Evening circle' }).waitFor();

    await ap.getByLabel('Find a member to appoint').fill(moderator.handle.slice(0, 10));
    await ap.getByRole('button', { name: `Appoint ${moderator.handle}` }).click();
    await ap.getByText(`${moderator.handle} now moderates this room.`).waitFor();
    await ap.getByRole('list').getByText(moderator.handle, { exact: true }).waitFor();
    await expectAxeClean(ap, 'manage room (admin)');
    const [room] = await e2e.t.query<{ join_policy: string; thread_slow_mode_seconds: number }>(`SELECT join_policy, thread_slow_mode_seconds FROM rooms WHERE slug = 'evening-circle'`);
    expect(room).toEqual({ join_policy: 'request', thread_slow_mode_seconds: 30 });

    // The moderator, on a phone: the Community link, this room only, the room-level fields only.
    const mp = moderator.page;
    await mp.goto('/');
    await mp.getByRole('button', { name: 'Menu' }).click();
    await mp.getByRole('link', { name: 'Community' }).click();
    await mp.getByRole('heading', { level: 1, name: 'Community' }).waitFor();
    expect(await mp.getByRole('navigation', { name: 'Community sections' }).count()).toBe(0);
    expect(await mp.getByRole('link', { name: 'Create a room' }).count()).toBe(0);
    await mp.getByRole('link', { name: 'Manage Evening circle' }).click();
    await mp.getByRole('heading', { level: 3, name: 'Settings' }).waitFor();
    expect(await mp.getByLabel('Name', { exact: true }).count()).toBe(0);
    expect(await mp.getByLabel('Posts to review from new members').count()).toBe(0);
    expect(await mp.getByRole('button', { name: 'Archive this room' }).count()).toBe(0);
    expect(await mp.getByLabel('Find a member to appoint').count()).toBe(0);
    await expectAxeClean(mp, 'manage room (room moderator, 375 px)');
    const overflow = await mp.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await mp.getByLabel('Description').fill('A calm room for the end of the day, gently held.');
    await mp.getByLabel('Reason').fill('Clearer words');
    await mp.getByRole('button', { name: 'Save room settings' }).click();
    await mp.getByText('Room settings saved.').waitFor();
    const [log] = await e2e.t.query<{ actor_id: string; reason: string }>(`SELECT actor_id, reason FROM moderation_log WHERE action = 'room.configure' ORDER BY created_at DESC LIMIT 1`);
    expect(log).toEqual({ actor_id: moderator.user.id, reason: 'Clearer words' });
    await mp.goto('/community/settings');
    await mp.getByText('This part is for admins and room moderators.').waitFor();

    // A member who moderates nothing sees no Community link, and the page turns them away.
    await member.page.goto('/');
    await member.page.getByRole('link', { name: 'Settings' }).waitFor();
    expect(await member.page.getByRole('link', { name: 'Community' }).count()).toBe(0);
    await member.page.goto('/community');
    await member.page.getByText('This part is for admins and room moderators.').waitFor();

    // A site-wide moderator moderates every room: the Community link, every room, no admin parts.
    const globalModerator = await signedInMember(e2e);
    await e2e.t.query(`UPDATE users SET role = 'moderator' WHERE id = $1`, [globalModerator.user.id]);
    const gp = globalModerator.page;
    await gp.goto('/');
    await gp.getByRole('link', { name: 'Community' }).click();
    await gp.getByRole('link', { name: 'Manage Evening circle' }).waitFor();
    expect(await gp.getByRole('navigation', { name: 'Community sections' }).count()).toBe(0);

    // The admin archives it: out of the member's room list, never deleted.
    await ap.getByLabel('Reason').last().fill('The group has finished');
    await ap.getByRole('button', { name: 'Archive this room' }).click();
    await ap.getByText('The room is archived. Nothing was deleted.').waitFor();
    await member.page.goto('/');
    await member.page.getByRole('heading', { level: 1 }).waitFor();
    expect(await member.page.getByText('Evening circle').count()).toBe(0);
    // Whoever opens it still can read it, and is told why nothing new can be written.
    await mp.goto('/rooms/evening-circle');
    await mp.getByText('This room is archived. You can still read it').waitFor();
  });

  it('registration in invite-only mode needs a code made on the Community screens; closed explains itself', async () => {
    const admin = await signedInAdmin();
    const ap = admin.page;
    await ap.goto('/community/settings');
    await ap.getByRole('heading', { level: 2, name: 'Site settings' }).waitFor();
    await expectAxeClean(ap, 'site settings');
    await ap.getByLabel('Invite-only: a new account needs an invite code').check();
    await ap.getByLabel('Reason').first().fill('Opening slowly');
    await ap.getByRole('button', { name: 'Save site settings' }).click();
    await ap.getByText('Site settings saved.').waitFor();

    // A country's crisis resources, in English and Spanish, live for everyone at once.
    await ap.getByLabel('Country code').fill('nz');
    await ap.getByLabel('Name', { exact: true }).fill('Local line');
    await ap.getByLabel('What it offers', { exact: true }).fill('Free, any time.');
    await ap.getByLabel('Name in Spanish').fill('Línea local');
    await ap.getByLabel('Phone number').fill('0800 543 354');
    await ap.getByLabel('Reason').last().fill('Added the local line');
    await ap.getByRole('button', { name: 'Save for this country' }).click();
    await ap.getByText('Crisis resources for NZ saved.').waitFor();
    const nz = (await (await ap.request.get('/api/crisis-resources?country=NZ&lang=es')).json()) as { resources: { name: string; region: string }[] };
    expect(nz.resources[0]).toMatchObject({ name: 'Línea local', region: 'NZ' });

    await ap.getByRole('link', { name: 'Invite codes' }).click();
    await ap.getByRole('heading', { level: 2, name: 'Invite codes' }).waitFor();
    await ap.getByLabel('How many people may use it').fill('1');
    await ap.getByRole('button', { name: 'Create invite code' }).click();
    const code = (await ap.getByTestId('new-site-invite-code').innerText()).trim();
    expect(code).toMatch(/^[A-Z2-9]{12}$/);
    await ap.getByText('0 of 1 used').waitFor();
    await expectAxeClean(ap, 'invite codes');

    await ap.getByRole('link', { name: 'Roles' }).click();
    await ap.getByRole('heading', { level: 2, name: 'Roles' }).waitFor();
    await expectAxeClean(ap, 'roles');

    // A visitor registers with the code.
    const { page } = await e2e.person({ bypassCSP: true, viewport: PHONE });
    await page.goto('/register');
    await page.getByLabel('Invite code').waitFor();
    await expectAxeClean(page, 'register (invite-only, 375 px)');
    const handle = uniqueHandle('invited');
    await page.getByLabel('Handle').fill(handle);
    await page.getByLabel('Password').fill(GOOD_PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('Please enter your invite code.').first().waitFor();
    await page.getByLabel('Invite code').fill(code);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: 'Your recovery codes' }).waitFor();
    const [invite] = await e2e.t.query<{ uses: number }>('SELECT uses FROM site_invites');
    expect(invite!.uses).toBe(1);

    // Closed: the register page says so instead of offering a form that would fail.
    await admin.context.request.patch('/api/admin/site-settings', { data: { registrationMode: 'closed', reason: 'Pausing' } });
    const { page: later } = await e2e.person({ bypassCSP: true });
    await later.goto('/register');
    await later.getByRole('heading', { name: 'Registration is closed for now' }).waitFor();
    expect(await later.getByLabel('Handle').count()).toBe(0);
    await expectAxeClean(later, 'register (closed)');
    await admin.context.request.patch('/api/admin/site-settings', { data: { registrationMode: 'open', reason: 'Open again' } });
  });
});
