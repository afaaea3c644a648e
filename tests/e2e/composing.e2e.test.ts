import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GOOD_PASSWORD, registerMember } from '../support/accounts.js';
import { memberWithRole } from '../support/forum.js';
import { startE2eApp, type E2eApp } from './support/e2e-app.js';
import { createRoomAs, joinAs, threadAs } from './support/forum-setup.js';

describe('writing is never lost or silently held', () => {
  let e2e: E2eApp;

  beforeAll(async () => {
    e2e = await startE2eApp();
  });

  afterAll(async () => {
    await e2e?.close();
  });

  /** A new member of a new room, signed in, with the new-thread composer open. */
  async function composerOpenIn(settings: Parameters<typeof createRoomAs>[1]) {
    const admin = await memberWithRole(e2e.t, 'admin');
    const room = await createRoomAs(admin.agent, settings);
    const member = await registerMember(e2e.t);
    await joinAs(member.agent, room.id);
    const { context, page } = await e2e.person();
    await context.request.post('/api/auth/login', { data: { handle: member.handle, password: GOOD_PASSWORD } });
    await page.goto(`/rooms/${room.slug}`);
    await page.getByRole('button', { name: 'Start a thread' }).click();
    return { page };
  }

  it('a held first thread says "waiting for review"; slow mode keeps the words in the box', async () => {
    const { page } = await composerOpenIn({ name: 'Slow room', premoderateFirstPosts: 1, threadSlowModeSeconds: 600 });
    await page.getByLabel('Title').fill('My first words here');
    await page.getByRole('textbox', { name: 'What would you like to share?' }).fill('Held until a moderator reads it.');
    await page.getByRole('button', { name: 'Post thread' }).click();
    await page.waitForURL('**/threads/*');
    await page.getByText('Waiting for review').first().waitFor();
    await page.getByText('only you and the moderators can see this').first().waitFor();

    await page.getByRole('link', { name: '← Slow room' }).click();
    await page.getByText('Waiting for review').first().waitFor();
    await page.getByRole('button', { name: 'Start a thread' }).click();
    await page.getByLabel('Title').fill('Second thought');
    await page.getByRole('textbox', { name: 'What would you like to share?' }).fill('These words must survive.');
    await page.getByRole('button', { name: 'Post thread' }).click();
    await page.getByText('This room is in slow mode').first().waitFor();
    expect(await page.getByRole('textbox', { name: 'What would you like to share?' }).inputValue()).toBe('These words must survive.');
    expect(await page.getByLabel('Title').inputValue()).toBe('Second thought');
  });

  it('Preview shows what the server will store, folded behind the warning being chosen', async () => {
    const { page } = await composerOpenIn({ name: 'Preview room' });
    await page.getByRole('textbox', { name: 'What would you like to share?' }).fill('**Held** and <b onclick="x()">safe</b>\n\n- one');
    await page.getByRole('tab', { name: 'Preview' }).click();
    const preview = page.getByRole('tabpanel', { name: 'Preview' });
    // Rendered by the server: Markdown became elements, raw HTML did not.
    await preview.locator('strong', { hasText: 'Held' }).waitFor();
    await preview.locator('li', { hasText: 'one' }).waitFor();
    expect(await preview.locator('[onclick]').count()).toBe(0);

    await page.getByRole('tab', { name: 'Write' }).click();
    await page.getByRole('group', { name: 'Content warnings' }).getByLabel('Self-harm').check();
    await page.getByRole('tab', { name: 'Preview' }).click();
    await preview.getByRole('button', { name: 'Show post' }).click();
    await preview.locator('strong', { hasText: 'Held' }).waitFor();
  });

  it('a signed-out visitor is sent to log in and brought back, with nothing added to the address', async () => {
    const admin = await memberWithRole(e2e.t, 'admin');
    const room = await createRoomAs(admin.agent, { name: 'Return room' });
    const member = await registerMember(e2e.t);
    await joinAs(member.agent, room.id);
    const thread = await threadAs(member.agent, room.id, { title: 'Where I was', body: 'Right here.' });

    const { page } = await e2e.person();
    await page.goto(`/threads/${thread.id}`);
    await page.waitForURL('**/login');
    expect(new URL(page.url()).search).toBe('');
    await page.getByLabel('Handle').fill(member.handle);
    await page.getByLabel('Password').fill(GOOD_PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL(`**/threads/${thread.id}`);
    await page.getByRole('heading', { level: 1, name: 'Where I was' }).waitFor();
  });
});
