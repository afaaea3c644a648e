import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { randomUUID } from 'node:crypto';
import type { ChatAck, SendMessageResult } from '@kindred/contracts';
import { memberWithRole } from '../support/forum.js';
import { connectedChat, memberSession, request } from '../support/realtime.js';
import { describeViolations, seriousViolations } from './support/axe.js';
import { signedInMember, startE2eApp, waitForPage, type E2eApp } from './support/e2e-app.js';
import { createRoomAs, joinAs, replyAs, threadAs } from './support/forum-setup.js';
import { untranslatedStrings } from './support/untranslated.js';

/**
 * Kindred in Spanish: chosen on the welcome page or in settings, with no English left on the
 * screens (an automated scan against the English catalogue), laid out right to left in the
 * pseudo-locale, and accessible in both languages.
 */
describe('languages in the browser', () => {
  let e2e: E2eApp;
  let room: { id: string; slug: string; name: string };
  let threadId = '';
  let takenHandle = '';

  beforeAll(async () => {
    e2e = await startE2eApp();
    const admin = await memberWithRole(e2e.t, 'admin');
    // Content members write stays as they wrote it; here it is Spanish so the scan can look at whole pages.
    room = await createRoomAs(admin.agent, { name: 'Sala de calma', description: 'Un lugar para hablar despacio.', guidelines: 'Sé amable.' });
    const author = await memberWithRole(e2e.t, 'moderator', 'autora');
    takenHandle = author.handle;
    await joinAs(author.agent, room.id);
    const thread = await threadAs(author.agent, room.id, { title: 'Primeros pasos', body: 'Hoy fue un día tranquilo.', warning: { categories: [], noneApply: true } });
    threadId = thread.id;
    await replyAs(author.agent, threadId, { body: 'Gracias por compartirlo.', warning: { categories: [], noneApply: true } });

    // The live chat has a plain message and one folded behind a warning, and one is reported,
    // so the chat and the moderators' queue have their controls on screen.
    const speaker = await memberSession(e2e.t, 'voz');
    await joinAs(speaker.agent, room.id);
    const socket = await connectedChat(e2e.baseUrl, speaker.token);
    await request(socket, 'chat:join', { roomId: room.id });
    const sent: string[] = [];
    for (const [body, categories] of [['Buenas noches a todas.', []], ['Hoy recordé algo difícil.', ['violence']]] as const) {
      const ack = await request<ChatAck<SendMessageResult>>(socket, 'message:send', { roomId: room.id, clientId: randomUUID(), body, warning: { categories } });
      if (!ack.ok) throw new Error(ack.message);
      sent.push(ack.message.id);
    }
    socket.disconnect();
    await author.agent.post('/api/reports').send({ targetType: 'message', targetId: sent[0], category: 'harassment', note: 'Me hizo sentir incómoda.' }).expect(201);
  });

  afterAll(async () => {
    await e2e?.close();
  });

  async function expectAllSpanish(page: Page, where: string) {
    await waitForPage(page, `document.documentElement.lang === 'es'`);
    const english = await untranslatedStrings(page);
    expect({ where, english }).toEqual({ where, english: [] });
  }

  it('a visitor picks Spanish on the welcome page and walks onboarding and registration without English', async () => {
    const { page } = await e2e.person({ locale: 'en-US' });
    await page.goto('/welcome');
    await page.getByRole('heading', { level: 1, name: 'Welcome to Kindred' }).waitFor();
    await page.getByLabel('Language').selectOption('es');
    await page.getByRole('heading', { level: 1, name: 'Te damos la bienvenida a Kindred' }).waitFor();
    expect(await page.evaluate('document.documentElement.dir')).toBe('ltr');
    for (let step = 1; step <= 4; step += 1) {
      await page.getByText(`Paso ${step} de 4`).waitFor();
      await expectAllSpanish(page, `onboarding step ${step}`);
      await page.getByRole('button', { name: step < 4 ? 'Continuar' : 'Continuar para crear una cuenta' }).click();
    }
    await page.getByRole('heading', { level: 1, name: 'Crear una cuenta' }).waitFor();
    await expectAllSpanish(page, 'register');
    // A failed attempt shows its problems in Spanish too (client checks).
    await page.getByRole('button', { name: 'Crear cuenta' }).click();
    await page.getByText('Elige un nombre, por favor.').first().waitFor();
    await expectAllSpanish(page, 'register with problems');
    // The server's field problems (a taken handle, a guessable password) come as codes, worded here.
    await page.getByLabel('Nombre', { exact: true }).fill(takenHandle);
    await page.getByLabel('Contraseña', { exact: true }).fill('quiet-harbour-lantern-42');
    await page.getByRole('button', { name: 'Crear cuenta' }).click();
    await page.getByText('Este nombre ya está en uso.').first().waitFor();
    await expectAllSpanish(page, 'register with a taken handle');
    await page.getByLabel('Nombre', { exact: true }).fill(`otra_${Date.now().toString(36)}`);
    await page.getByLabel('Contraseña', { exact: true }).fill('password1234');
    await page.getByRole('button', { name: 'Crear cuenta' }).click();
    await page.getByText('Se parece a una contraseña habitual.', { exact: false }).first().waitFor();
    await expectAllSpanish(page, 'register with a guessable password');
    await page.getByLabel('Nombre', { exact: true }).fill(`nueva_${Date.now().toString(36)}`);
    await page.getByLabel('Contraseña', { exact: true }).fill('quiet-harbour-lantern-42');
    await page.getByRole('button', { name: 'Crear cuenta' }).click();
    await page.getByRole('heading', { name: 'Tus códigos de recuperación' }).waitFor();
    await expectAllSpanish(page, 'recovery codes');
    await page.getByRole('button', { name: 'Ya los guardé, continuar' }).click();
    await page.locator('main h1').filter({ hasNotText: 'Crear una cuenta' }).waitFor();
    expect(await page.locator('main h1').textContent()).toBe('Salas');
    await page.getByText('Te damos la bienvenida. Tu cuenta está lista').waitFor();
    await expectAllSpanish(page, 'rooms');
    // The language picked before the account existed is now the account's.
    expect((await (await page.context().request.get('/api/auth/me')).json()).user.language).toBe('es');
  }, 120_000);

  it('a member switches to Spanish in settings without a reload; it is kept on the account and every screen follows', async () => {
    const m = await signedInMember(e2e, { locale: 'en-US', bypassCSP: true });
    const { page } = m;
    await joinAs(m.agent, room.id);
    await page.goto('/settings');
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    // The scan finds English on an English page: it is not a check that cannot fail.
    expect((await untranslatedStrings(page)).length).toBeGreaterThan(10);
    await page.evaluate('window.__sameDocument = true');
    await page.getByRole('combobox', { name: 'Language' }).selectOption('es');
    await page.getByRole('heading', { level: 1, name: 'Ajustes' }).waitFor();
    await page.getByText('Idioma guardado.').waitFor();
    expect(await page.evaluate('window.__sameDocument === true')).toBe(true);
    expect((await m.agent.get('/api/auth/me').expect(200)).body.user.language).toBe('es');
    await expectAllSpanish(page, 'settings');

    for (const [path, heading] of [
      ['/', 'Salas'],
      ['/settings/safety', 'Revisión de seguridad'],
      ['/search', 'Buscar'],
      ['/notifications', 'Notificaciones'],
      [`/rooms/${room.slug}`, 'Sala de calma'],
      [`/threads/${threadId}`, 'Primeros pasos'],
    ] as const) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await expectAllSpanish(page, path);
    }
    // Devices on the safety check are worded by the app from their kind (the API's label is English).
    await page.goto('/settings/safety');
    await page.getByText('Chrome en Linux', { exact: true }).first().waitFor();
    expect(await page.getByText('Chrome on Linux').count()).toBe(0);
    // The pause tools and a dialog from the header.
    await page.getByRole('button', { name: 'Hacer una pausa' }).click();
    await page.getByRole('heading', { name: 'Fíjate en lo que te rodea' }).waitFor();
    await expectAllSpanish(page, 'take a pause');
    await page.keyboard.press('Escape');

    // Another device, with an English browser, follows the member's setting.
    const { page: other } = await e2e.person({ locale: 'en-US' });
    await other.goto('/login');
    await other.getByLabel('Handle').fill(m.handle);
    await other.getByLabel('Password').fill('quiet-harbour-lantern-42');
    await other.getByRole('button', { name: 'Log in' }).click();
    await other.getByRole('heading', { level: 1, name: 'Salas' }).waitFor();

    // Back to following the browser: English again, still without a reload.
    await page.goto('/settings');
    await page.getByRole('combobox', { name: 'Idioma' }).selectOption('');
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    expect((await m.agent.get('/api/auth/me').expect(200)).body.user.language).toBeNull();
  }, 180_000);

  it('a member reads and writes in the live chat in Spanish, message menu and moderator tools included', async () => {
    const m = await signedInMember(e2e, { locale: 'es-ES' });
    await joinAs(m.agent, room.id);
    await e2e.t.query(`UPDATE users SET role = 'moderator' WHERE id = $1`, [m.user.id]);
    const { page } = m;
    await page.goto(`/rooms/${room.slug}`);
    await page.getByRole('heading', { name: 'Chat en directo' }).waitFor();
    const log = page.getByRole('log', { name: 'Mensajes del chat' });
    await log.getByText('Buenas noches a todas.').waitFor();
    await page.locator('.chat .chat-banner').waitFor({ state: 'detached' });
    await expectAllSpanish(page, 'chat');
    // A message's options menu and the moderators' controls, open.
    await log.locator('summary').first().click();
    await page.getByRole('button', { name: 'Reportar', exact: true }).waitFor();
    await expectAllSpanish(page, 'chat message menu');
    await page.getByRole('button', { name: 'Reportar', exact: true }).click();
    await page.getByRole('dialog', { name: 'Reportar al equipo de moderación' }).waitFor();
    await expectAllSpanish(page, 'report dialog');
    await page.keyboard.press('Escape');
    await page.getByText('Controles de moderación').click();
    await page.getByLabel('Modo pausado').waitFor();
    await expectAllSpanish(page, 'chat moderator controls');
    // The composer's own problem, in Spanish too.
    await page.getByRole('button', { name: 'Enviar', exact: true }).click();
    await page.getByText('Escribe un mensaje primero.').waitFor();
    await expectAllSpanish(page, 'chat composer problem');
  }, 120_000);

  it('a moderator works the dashboard in Spanish: queue, a decision form, held posts, join requests and the log', async () => {
    const mod = await signedInMember(e2e, { locale: 'es-ES' });
    await e2e.t.query(`UPDATE users SET role = 'admin' WHERE id = $1`, [mod.user.id]);
    const { page } = mod;
    await page.goto('/moderation');
    await page.getByRole('heading', { level: 1, name: 'Moderación' }).waitFor();
    await page.getByRole('heading', { level: 2, name: /Mensaje de chat de voz/ }).waitFor();
    await expectAllSpanish(page, 'moderation queue');
    // Harm and crisis items reach a moderator folded; the fold, its button and the reveal are Spanish too.
    const show = page.getByRole('button', { name: /^Mostrar este elemento/ });
    // One at a time, each settled before the next: a click that lands while an item's answer is
    // still on its way could otherwise fold again an item that has just opened.
    for (let left = await show.count(); left > 0; left = await show.count()) {
      await show.first().click();
      const deadline = Date.now() + 10_000;
      while ((await show.count()) >= left && Date.now() < deadline) await page.waitForTimeout(50);
    }
    await page.getByRole('button', { name: /^Volver a plegarlo/ }).first().waitFor();
    for (const summary of ['La conversación alrededor', 'Notas privadas', 'historial reciente de moderación']) {
      await page.locator('summary', { hasText: summary }).first().click();
    }
    await expectAllSpanish(page, 'moderation queue item opened');
    await page.getByRole('button', { name: /^Tomar una medida…/ }).click();
    await page.getByRole('combobox', { name: 'Medida' }).waitFor();
    await expectAllSpanish(page, 'moderation action form');
    await page.getByRole('button', { name: 'Aplicar' }).click();
    await page.getByText('Elige un motivo, o escribe el tuyo, por favor.').waitFor();
    await expectAllSpanish(page, 'moderation action form with a problem');
    await page.getByRole('button', { name: /^Descartar…/ }).click();
    await page.getByRole('button', { name: 'Descartar', exact: true }).waitFor();
    await expectAllSpanish(page, 'moderation dismiss form');
    for (const [tab, heading] of [
      ['Publicaciones retenidas', 'No hay publicaciones esperando revisión.'],
      ['Solicitudes para unirse', 'Ninguna de tus salas recibe solicitudes para unirse.'],
      ['Registro', 'Filtrar el registro'],
    ] as const) {
      await page.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
      await page.getByText(heading).or(page.getByRole('form', { name: heading })).first().waitFor();
      await expectAllSpanish(page, `moderation tab ${tab}`);
    }
  }, 120_000);

  it('the pseudo right-to-left locale mirrors the layout with nothing wider than a 375 px phone', async () => {
    const m = await signedInMember(e2e, { locale: 'ar-XB', viewport: { width: 375, height: 812 } });
    await joinAs(m.agent, room.id);
    // A moderator, so the room's chat has its moderator tools and the dashboard opens.
    await e2e.t.query(`UPDATE users SET role = 'admin' WHERE id = $1`, [m.user.id]);
    for (const path of ['/', '/settings', '/settings/safety', `/rooms/${room.slug}`, `/threads/${threadId}`, '/search', '/moderation']) {
      await m.page.goto(path);
      await m.page.locator('main h1').first().waitFor();
      expect(await m.page.evaluate('[document.documentElement.dir, document.documentElement.lang]')).toEqual(['rtl', 'ar-XB']);
      const overflow = await m.page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
      expect({ path, overflow }).toEqual({ path, overflow: 0 });
    }
    // Pseudo-localized words, not the English ones.
    await m.page.goto('/settings');
    await m.page.getByRole('heading', { level: 1, name: 'Śēţţĩńĝś' }).waitFor();
  });

  it('in right-to-left, arrow keys in tab lists follow the reading direction (ArrowLeft is the next tab)', async () => {
    /** Which tab of the page's first tab list is selected and which has focus, by position. */
    const tabState = (page: Page) =>
      page.evaluate(`(() => {
        const tabs = [...document.querySelector('[role="tablist"]').querySelectorAll('[role="tab"]')];
        return { selected: tabs.findIndex((t) => t.getAttribute('aria-selected') === 'true'), focused: tabs.indexOf(document.activeElement), count: tabs.length };
      })()`) as Promise<{ selected: number; focused: number; count: number }>;

    for (const [locale, forward, back] of [
      ['ar-XB', 'ArrowLeft', 'ArrowRight'],
      ['en-US', 'ArrowRight', 'ArrowLeft'],
    ] as const) {
      // A phone width: the room page shows threads and chat as tabs.
      const m = await signedInMember(e2e, { locale, viewport: { width: 375, height: 812 } });
      await e2e.t.query(`UPDATE users SET role = 'admin' WHERE id = $1`, [m.user.id]);
      await joinAs(m.agent, room.id);
      for (const path of [`/rooms/${room.slug}`, '/moderation']) {
        await m.page.goto(path);
        await m.page.getByRole('tablist').first().locator('[role="tab"][aria-selected="true"]').focus();
        expect({ locale, path, ...(await tabState(m.page)) }).toMatchObject({ locale, path, selected: 0, focused: 0 });
        await m.page.keyboard.press(forward);
        expect({ locale, path, ...(await tabState(m.page)) }).toMatchObject({ locale, path, selected: 1, focused: 1 });
        await m.page.keyboard.press(back);
        await m.page.keyboard.press(back);
        const { count, ...state } = await tabState(m.page);
        // Back past the first tab wraps to the last.
        expect({ locale, path, ...state }).toEqual({ locale, path, selected: count - 1, focused: count - 1 });
      }
    }
  }, 120_000);

  it('is accessible in Spanish and in English (axe)', async () => {
    for (const locale of ['es-ES', 'en-US']) {
      const m = await signedInMember(e2e, { locale, bypassCSP: true });
      await joinAs(m.agent, room.id);
      for (const path of ['/', '/settings', '/settings/safety', `/rooms/${room.slug}`, `/threads/${threadId}`]) {
        await m.page.goto(path);
        await m.page.locator('main h1').first().waitFor();
        await waitForPage(m.page, `document.documentElement.lang === '${locale.slice(0, 2)}'`);
        const violations = await seriousViolations(m.page);
        expect({ locale, path, violations: describeViolations(violations) }).toEqual({ locale, path, violations: '' });
      }
      const { page } = await e2e.person({ locale, bypassCSP: true });
      await page.goto('/welcome');
      await page.locator('main h1').waitFor();
      expect(describeViolations(await seriousViolations(page))).toBe('');
    }
  }, 240_000);
});
