import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { memberWithRole } from '../support/forum.js';
import { chatLog, openChat } from './support/chat.js';
import { signedInMember, startE2eApp, type E2eApp } from './support/e2e-app.js';
import { createRoomAs, joinAs, threadAs } from './support/forum-setup.js';

const ASKS = 'This room asks for a content-warning choice';
const NUDGE = 'No content warning chosen.';

describe('the content-warning choice in forms', () => {
  let e2e: E2eApp;
  let asking: { id: string; slug: string };
  let open: { id: string; slug: string };
  let askingThread = '';
  let openThread = '';
  let member: Awaited<ReturnType<typeof signedInMember>>;

  beforeAll(async () => {
    e2e = await startE2eApp();
    const admin = await memberWithRole(e2e.t, 'admin');
    asking = await createRoomAs(admin.agent, { name: 'Asks for a choice', requireContentWarning: true });
    open = await createRoomAs(admin.agent, { name: 'Choice optional' });
    askingThread = (await threadAs(admin.agent, asking.id, { title: 'Check-in', body: 'How is everyone?', warning: { categories: [], noneApply: true } })).id;
    openThread = (await threadAs(admin.agent, open.id, { title: 'Open check-in', body: 'How is everyone?' })).id;
    member = await signedInMember(e2e);
    await joinAs(member.agent, asking.id);
    await joinAs(member.agent, open.id);
  });

  afterAll(async () => {
    await e2e?.close();
  });

  const count = async (sql: string, params: unknown[]) => (await e2e.t.query<{ n: number }>(sql, params))[0]!.n;

  it('where the room asks, a reply with nothing ticked is explained inline and not posted; "None of these apply" posts it', async () => {
    const { page } = member;
    await page.goto(`/threads/${askingThread}`);
    await page.getByRole('textbox', { name: 'Your reply' }).fill('Holding on today.');
    await page.getByText('Content warnings (a choice is needed here)').waitFor();
    await page.getByRole('button', { name: 'Post reply' }).click();
    const picker = page.getByRole('group', { name: 'Content warnings' });
    await picker.getByText(ASKS).waitFor();
    expect(await picker.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByRole('textbox', { name: 'Your reply' }).inputValue()).toBe('Holding on today.');
    expect(await count('SELECT count(*)::int AS n FROM posts WHERE thread_id = $1', [askingThread])).toBe(1);

    await picker.getByLabel('None of these apply').check();
    await page.getByRole('button', { name: 'Post reply' }).click();
    await page.getByText('Your reply is posted').waitFor();
    expect(await count('SELECT count(*)::int AS n FROM posts WHERE thread_id = $1', [askingThread])).toBe(2);
  });

  it('where the room asks, a chat message with nothing ticked stays in the box with the reason; with a choice it is sent', async () => {
    const { page } = member;
    await openChat(page, asking.slug);
    const box = page.getByRole('textbox', { name: 'Your message' });
    await page.getByText('Content warning (a choice is needed here)').waitFor();
    await box.fill('Evening, all.');
    await box.press('Enter');
    await page.getByRole('alert').filter({ hasText: ASKS }).waitFor();
    expect(await box.inputValue()).toBe('Evening, all.');
    expect(await count('SELECT count(*)::int AS n FROM chat_messages WHERE room_id = $1', [asking.id])).toBe(0);

    await page.locator('#chat-cw-none').check();
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await chatLog(page).getByText('Evening, all.').waitFor();
    // Shown at once as "Sending…"; counted once the server has acknowledged it.
    await chatLog(page).locator('.chat-message--pending').waitFor({ state: 'detached' });
    expect(await count('SELECT count(*)::int AS n FROM chat_messages WHERE room_id = $1', [asking.id])).toBe(1);
  });

  it('where the room does not ask, a gentle reminder shows while nothing is chosen, and posting still works', async () => {
    const { page } = member;
    await page.goto(`/rooms/${open.slug}`);
    await page.getByRole('button', { name: 'Start a thread' }).click();
    await page.getByLabel('Title').fill('A small win');
    const post = page.getByRole('button', { name: 'Post thread' });
    expect(await page.getByText(NUDGE).count()).toBe(0);
    await page.getByRole('textbox', { name: 'What would you like to share?' }).fill('I went for a walk.');
    await page.getByText(NUDGE).waitFor();
    expect(await post.getAttribute('aria-describedby')).toBe('thread-warning-nudge');
    await post.click();
    await page.waitForURL('**/threads/*');
    await page.getByRole('heading', { level: 1, name: 'A small win' }).waitFor();

    await page.goto(`/threads/${openThread}`);
    await page.getByRole('textbox', { name: 'Your reply' }).fill('Glad you are here.');
    await page.getByText(NUDGE).waitFor();
    await page.locator('summary', { hasText: 'Content warnings (optional)' }).click();
    await page.getByRole('group', { name: 'Content warnings' }).getByLabel('None of these apply').check();
    await page.getByText(NUDGE).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Post reply' }).click();
    await page.getByText('Your reply is posted').waitFor();
  });
});
