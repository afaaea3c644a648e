import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { registerMember } from '../support/accounts.js';
import { memberWithRole } from '../support/forum.js';
import { describeViolations, seriousViolations } from './support/axe.js';
import { signedInMember, startE2eApp, type E2eApp } from './support/e2e-app.js';
import { createRoomAs, joinAs, threadAs } from './support/forum-setup.js';

// Crisis resources fit the member: the country they chose in Settings (never guessed), in the
// language on screen; phone lines are tel: links and text lines sms: links, each named for
// where it goes. Notices from moderators are worded in the member's language too.

const CRISIS_WORDS = 'Some nights I feel like everyone would be better off without me.';

let e2e: E2eApp;
let room: { id: string; slug: string };
let thread: { id: string; firstPost: { id: string } };
let admin: Awaited<ReturnType<typeof memberWithRole>>;

beforeAll(async () => {
  e2e = await startE2eApp();
  admin = await memberWithRole(e2e.t, 'admin');
  room = await createRoomAs(admin.agent, { name: 'Evening room' });
  const author = await registerMember(e2e.t);
  await joinAs(author.agent, room.id);
  thread = await threadAs(author.agent, room.id, { title: 'Nights', body: 'Evenings are the hardest.', warning: { categories: [], noneApply: true } });
});
afterAll(async () => {
  await e2e?.close();
});

async function replyWithCrisisWords(page: Page, box: string, submit: string) {
  await page.goto(`/threads/${thread.id}`);
  await page.getByRole('textbox', { name: box }).fill(CRISIS_WORDS);
  await page.getByRole('button', { name: submit }).click();
}

/** Each link of the region by its accessible name → href. */
async function linkTargets(page: Page, region: string): Promise<Record<string, string>> {
  const snapshot = await page.getByRole('region', { name: region }).ariaSnapshot();
  const pairs = [...snapshot.matchAll(/- link "([^"]+)":\s*\n\s*- \/url: (\S+)/g)].map((m) => [m[1]!, m[2]!]);
  return Object.fromEntries(pairs);
}

describe('crisis resources per country and language', () => {
  it('a member picks their country in Settings and, reading in Spanish, gets its lines in Spanish on a phone', async () => {
    const m = await signedInMember(e2e, { viewport: { width: 375, height: 800 }, bypassCSP: true });
    await joinAs(m.agent, room.id);
    const { page, context } = m;

    await page.goto('/settings');
    const country = page.getByLabel('Your country', { exact: true });
    await country.selectOption({ label: 'Spain' });
    await page.getByText('Saved. Support lines will fit this choice.').waitFor();
    expect((await (await context.request.get('/api/me/settings')).json()).country).toBe('ES');

    // Spanish, chosen on the account: the page follows without being told again.
    expect((await context.request.patch('/api/me/settings', { data: { language: 'es' } })).ok()).toBe(true);
    await replyWithCrisisWords(page, 'Tu respuesta', 'Publicar respuesta');
    const region = 'No tienes que cargar con esto a solas';
    await page.getByRole('region', { name: region }).waitFor();
    await page.getByRole('link', { name: 'Llamar al 024, Línea 024' }).waitFor();

    expect(await linkTargets(page, region)).toMatchObject({
      'Llamar al 024, Línea 024': 'tel:024',
      'Llamar al 717 003 717, Teléfono de la Esperanza': 'tel:717003717',
      'Sitio web de Find A Helpline': 'https://findahelpline.com',
      'Sitio web de Befrienders Worldwide': 'https://www.befrienders.org',
    });
    // Spain's own lines come before the international ones, texts in Spanish.
    const names = await page.getByRole('region', { name: region }).locator('strong').allInnerTexts();
    expect(names.indexOf('Línea 024')).toBeLessThan(names.indexOf('Befrienders Worldwide'));
    expect(await page.getByRole('region', { name: region }).innerText()).toContain('Atención gratuita y confidencial');

    const violations = await seriousViolations(page);
    expect(describeViolations(violations)).toBe('');
  });

  it('in English, a text line is an sms: link that says what to send and to whom', async () => {
    const m = await signedInMember(e2e);
    await joinAs(m.agent, room.id);
    await m.context.request.patch('/api/me/settings', { data: { country: 'GB', language: 'en' } });
    await replyWithCrisisWords(m.page, 'Your reply', 'Post reply');
    const region = 'You don’t have to carry this alone';
    await m.page.getByRole('region', { name: region }).waitFor();
    expect(await linkTargets(m.page, region)).toMatchObject({
      'Call 116 123, Samaritans': 'tel:116123',
      'Samaritans website': 'https://www.samaritans.org',
      'Text SHOUT to 85258, Shout': 'sms:85258?body=SHOUT',
    });
  });

  it("a moderator's notice reads in the member's language, with the moderator's reason as written", async () => {
    const m = await signedInMember(e2e);
    await joinAs(m.agent, room.id);
    await m.context.request.patch('/api/me/settings', { data: { language: 'es' } });
    const reply = (await (await m.context.request.post(`/api/threads/${thread.id}/posts`, { data: { body: 'A short reply.', warning: { categories: [], noneApply: true } } })).json()) as { id: string };
    const act = await admin.agent.post(`/api/moderation/post/${reply.id}/actions`).send({ action: 'hide', reason: 'Needs a look' });
    expect(act.status).toBe(200);
    await m.page.goto('/notifications');
    await m.page.getByRole('heading', { name: 'El equipo de moderación tomó una medida sobre tu cuenta o tu contenido' }).waitFor();
    const body = await m.page.locator('.notification__body').first().innerText();
    expect(body).toContain('El equipo de moderación ocultó tu publicación mientras lo revisa.');
    expect(body).toContain('Motivo: Needs a look');
    expect(body).toContain('puedes apelar');
  });
});
