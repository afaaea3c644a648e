import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GOOD_PASSWORD, registerMember, uniqueHandle } from '../support/accounts.js';
import { memberWithRole } from '../support/forum.js';
import { signedInMember, startE2eApp, type E2eApp } from './support/e2e-app.js';
import { createRoomAs, joinAs } from './support/forum-setup.js';

const TITLE = 'A hard week at home';
const BODY = 'Some words that stay folded until someone chooses to read them.';

describe('content warnings in the browser', () => {
  let e2e: E2eApp;
  let room: { id: string; slug: string };
  let threadPath = '';

  beforeAll(async () => {
    e2e = await startE2eApp();
    const admin = await memberWithRole(e2e.t, 'admin');
    room = await createRoomAs(admin.agent, {
      name: 'Evening circle',
      guidelines: 'Be gentle with each other. **Use content warnings.**',
      requireContentWarning: true,
    });
  });

  afterAll(async () => {
    await e2e?.close();
  });

  it('a newcomer registers, chooses warning settings, joins a room and starts a thread with a warning', async () => {
    const { page } = await e2e.person();
    const handle = uniqueHandle('newcomer');
    await page.goto('/register');
    await page.getByLabel('Handle').fill(handle);
    await page.getByLabel('Password').fill(GOOD_PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    // The recovery codes are shown once, before anything else.
    await page.getByRole('button', { name: 'I have saved them, continue' }).click();

    // Onboarding follows sign-up: what Kindred is, guidelines, quick exit, then settings.
    await page.waitForURL('**/welcome');
    await page.getByRole('heading', { name: 'What Kindred is' }).waitFor();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'How we look after each other' }).waitFor();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByText('cannot erase your browser history').waitFor();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('group', { name: 'Violence', exact: true }).getByLabel('Show').check();
    await page.getByRole('group', { name: 'Stalking and harassment' }).getByLabel('Hide').check();
    await page.getByRole('button', { name: 'Save and go to the rooms' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    const saved = await (await page.request.get('/api/me/warning-preferences')).json();
    expect(saved).toMatchObject({ violence: 'show', 'stalking-harassment': 'hide', suicide: 'warn' });

    // Joining shows the room's guidelines and needs an explicit "I accept".
    await page.getByRole('button', { name: 'Join… Evening circle' }).click();
    await page.getByText('Be gentle with each other.').waitFor();
    await page.getByRole('button', { name: 'Join room' }).click();
    await page.getByText('Please read the guidelines and tick the box').first().waitFor();
    await page.getByLabel('I have read these guidelines and I accept them').check();
    await page.getByRole('button', { name: 'Join room' }).click();
    await page.waitForURL(`**/rooms/${room.slug}`);
    await page.getByRole('heading', { level: 1, name: 'Evening circle' }).waitFor();

    // The room asks for a warning choice; skipping it keeps the words in the boxes.
    await page.getByRole('button', { name: 'Start a thread' }).click();
    await page.getByLabel('Title').fill(TITLE);
    await page.getByRole('textbox', { name: 'What would you like to share?' }).fill(BODY);
    await page.getByRole('button', { name: 'Post thread' }).click();
    await page.getByText('This room asks for a content-warning choice').first().waitFor();
    await expect(page.getByLabel('Title').inputValue()).resolves.toBe(TITLE);
    await page.getByLabel('Self-harm').check();
    await page.getByRole('button', { name: 'Post thread' }).click();
    await page.waitForURL('**/threads/*');
    threadPath = new URL(page.url()).pathname;
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByText(BODY).waitFor();
  });

  it('a member who asked to be warned sees it folded, with nothing of it in the page, and can open it', async () => {
    const reader = await signedInMember(e2e);
    await joinAs(reader.agent, room.id);
    const { page } = reader;
    await page.goto(`/rooms/${room.slug}`);
    await page.getByRole('button', { name: 'Show thread title' }).waitFor();
    const folded = await page.locator('body').innerText();
    expect(folded).toContain('Self-harm');
    expect(folded).not.toContain(TITLE);
    expect(await page.content()).not.toContain(TITLE);

    await page.getByRole('button', { name: 'Show thread title' }).click();
    await page.getByRole('link', { name: TITLE }).click();
    await page.waitForURL(`**${threadPath}`);
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await page.getByText(BODY).waitFor();

    // Opening the thread page directly starts folded too, and the fold holds no content.
    const fresh = await e2e.person();
    await fresh.context.request.post('/api/auth/login', { data: { handle: reader.handle, password: GOOD_PASSWORD } });
    await fresh.page.goto(threadPath);
    await fresh.page.getByRole('button', { name: 'Show thread' }).waitFor();
    expect(await fresh.page.content()).not.toContain(BODY);
    await fresh.page.getByRole('button', { name: 'Show thread' }).click();
    await fresh.page.getByText(BODY).waitFor();
  });

  it('a member who hides the topic never receives it, and sees only a quiet count', async () => {
    const hider = await registerMember(e2e.t);
    await joinAs(hider.agent, room.id);
    await hider.agent.put('/api/me/warning-preferences').send({ 'self-harm': 'hide' }).expect(200);
    const { context, page } = await e2e.person();
    await context.request.post('/api/auth/login', { data: { handle: hider.handle, password: GOOD_PASSWORD } });

    await page.goto(`/rooms/${room.slug}`);
    await page.getByText('1 thread hidden by your settings').waitFor();
    const html = await page.content();
    expect(html).not.toContain(TITLE);
    expect(html).not.toContain(BODY);

    await page.goto(threadPath);
    await page.getByRole('heading', { level: 1, name: 'This thread is hidden for you' }).waitFor();
    expect(await page.content()).not.toContain(TITLE);
    expect(await page.content()).not.toContain(BODY);
  });

  it('a visitor can choose settings before the account exists; they are saved at sign-up', async () => {
    const { page } = await e2e.person();
    await page.goto('/');
    await page.getByRole('link', { name: 'Start here' }).first().click();
    await page.getByRole('heading', { name: 'What Kindred is' }).waitFor();
    for (const next of ['How we look after each other', 'Leaving quickly', 'What you see']) {
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByRole('heading', { name: next }).waitFor();
    }
    await page.getByRole('button', { name: 'Set every topic to Hide' }).click();
    await page.getByRole('button', { name: 'Continue to create an account' }).click();
    await page.waitForURL('**/register');
    await page.getByLabel('Handle').fill(uniqueHandle('visitor'));
    await page.getByLabel('Password').fill(GOOD_PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    // The recovery codes are shown once, before anything else.
    await page.getByRole('button', { name: 'I have saved them, continue' }).click();
    await page.getByText('Your account is ready and your choices are saved').waitFor();
    const saved = (await (await page.request.get('/api/me/warning-preferences')).json()) as Record<string, string>;
    expect(new Set(Object.values(saved))).toEqual(new Set(['hide']));
  });
});
