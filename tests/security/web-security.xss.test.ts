/**
 * The XSS corpus (tests/fixtures/xss-corpus.ts) rendered in real Chromium: as post bodies,
 * thread titles, chat messages, room descriptions and room guidelines in the BUILT WEB APP
 * (apps/web/dist, served by the API at /), and — as a second line — the API's server-rendered
 * HTML fields (bodyHtml, guidelinesHtml) and raw chat bodies inserted with innerHTML into a
 * page that carries the app's real CSP. Handles cannot carry markup: registration refuses them.
 *
 * Every payload is armed so that running it sets `window.__xss` and opens a dialog
 * (`alert(1)` → `alert(window.__xss=1)`); neither may ever happen. A DOM scan also fails on
 * any event-handler attribute, javascript:/vbscript:/data:text/html URL, foreign script,
 * iframe/object/embed/base, or meta refresh — and a CSP violation report for scripts means
 * something got as far as trying to run.
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { XSS_CORPUS } from '../fixtures/xss-corpus.js';
import { GOOD_PASSWORD, uniqueHandle } from '../support/accounts.js';
import { connectedChat, request, type ChatClient } from '../support/realtime.js';
import { REPO_ROOT } from '../support/server-process.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const WEB_DIST_DIR = join(REPO_ROOT, 'apps/web/dist');
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // Nothing but our loopback server resolves: a payload cannot fetch from or leak to the internet.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

const arm = (payload: string) => payload.replace(/alert\((\d)\)/g, 'alert(window.__xss=$1)');
const ARMED = [
  ...new Set([
    ...XSS_CORPUS.map(arm),
    '<img src=x onerror="window.__xss=1">',
    '<svg><script>window.__xss=1</script></svg>',
    '"><script>window.__xss=1</script>',
    "'><img src=x onerror=window.__xss=1>",
    '<a href="javascript:window.__xss=1">click me</a>',
    '[click me](javascript:window.__xss=1)',
    '</textarea><script>window.__xss=1</script>',
    '</p><iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
    '<div onmouseover="window.__xss=1" style="position:fixed;inset:0">cover</div>',
  ]),
];
/** Text containing NUL cannot be stored at all (PostgreSQL refuses it; the API answers 400). */
const WITH_NUL = ARMED.filter((p) => p.includes('\u0000'));
const PAYLOADS = ARMED.filter((p) => !p.includes('\u0000'));
const CHUNK = 25;
const chunks = Array.from({ length: Math.ceil(PAYLOADS.length / CHUNK) }, (_, i) => PAYLOADS.slice(i * CHUNK, (i + 1) * CHUNK));

interface ContentRoom {
  id: string;
  slug: string;
  postsThreadId: string;
  payloads: string[];
}

let t: TestApp;
let baseUrl: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const dialogs: string[] = [];
const violations: string[] = [];
const contentRooms: ContentRoom[] = [];
let appCsp = '';
let chatInApp: boolean | undefined;

/** Fails on anything executable or navigational the sanitiser should have removed. Runs in the page. */
const DOM_SCAN = `(() => {
  const bad = [];
  const dangerousUrl = /^\\s*(javascript|vbscript|data\\s*:\\s*text\\/html|livescript)\\s*:?/i;
  for (const el of document.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) bad.push(tag + '[' + name + ']');
      if (['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc', 'background', 'poster'].includes(name) && (dangerousUrl.test(attr.value) || name === 'srcdoc')) {
        bad.push(tag + '[' + name + '=' + attr.value.slice(0, 60) + ']');
      }
    }
    if (tag === 'script' && !(el.src && new URL(el.src, location.href).origin === location.origin && new URL(el.src).pathname.startsWith('/assets/'))) bad.push('script:' + (el.src || el.textContent.slice(0, 40)));
    if (['iframe', 'frame', 'object', 'embed', 'base', 'applet', 'portal'].includes(tag)) bad.push(tag);
    if (tag === 'meta' && el.getAttribute('http-equiv')) bad.push('meta[http-equiv=' + el.getAttribute('http-equiv') + ']');
    if (['form', 'input', 'button', 'textarea', 'select'].includes(tag) && (el.closest('.prose') || el.closest('.chat-message__body'))) bad.push(tag + ' inside user content');
  }
  return bad;
})()`;

async function assertClean(where: string): Promise<void> {
  // Give delayed payloads (onload, ontoggle, autofocus, meta refresh) a moment to fire.
  await page.waitForTimeout(200);
  const flagged = await page.evaluate('window.__xss');
  const scan = (await page.evaluate(DOM_SCAN)) as string[];
  const reported = ((await page.evaluate('window.__violations ?? []')) as string[]).filter((v) => /^(script|frame|object|child|worker)/.test(v));
  expect({ where, dialogs, xss: flagged ?? null, scriptViolations: [...violations, ...reported], dom: scan }).toEqual({ where, dialogs: [], xss: null, scriptViolations: [], dom: [] });
}

/** Polls a page expression from the test side (the app's CSP forbids page.waitForFunction's eval). */
async function waitForPage(expression: string, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await page.evaluate(expression).catch(() => false)) return;
    await page.waitForTimeout(50);
  }
  throw new Error(`timed out waiting for ${what} (the web app may render it differently now)`);
}

/** Runs `fn` over `items`, `size` at a time (setup only: nothing checked depends on the order). */
async function inBatches<T>(items: readonly T[], fn: (item: T) => Promise<unknown>, size = 8): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(fn));
}

beforeAll(async () => {
  t = await startTestApp({ WEB_DIST_DIR, CHAT_MESSAGES_PER_SECOND: '500' });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  baseUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;

  const admin = t.agent();
  const adminUser = (await admin.post('/api/auth/register').send({ handle: uniqueHandle('xssadmin'), password: GOOD_PASSWORD }).expect(201)).body as { id: string };
  await t.query(`UPDATE users SET role = 'admin' WHERE id = $1`, [adminUser.id]);
  const viewer = { handle: uniqueHandle('viewer'), agent: t.agent() };
  await viewer.agent.post('/api/auth/register').send({ handle: viewer.handle, password: GOOD_PASSWORD }).expect(201);
  const writer = t.agent();
  const writerRes = await writer.post('/api/auth/register').send({ handle: uniqueHandle('writer'), password: GOOD_PASSWORD }).expect(201);
  const writerToken = /kindred_session=([^;]+)/.exec(String(writerRes.headers['set-cookie']))![1]!;

  const started = Date.now();
  const lap = (what: string) => process.stdout.write(`[xss setup] ${what}: ${Date.now() - started} ms\n`);
  // Room descriptions: one listed room per payload, all on the directory page (sorted by name,
  // so the order they are created in does not matter: they are made a few at a time).
  await inBatches([...PAYLOADS.entries()], async ([i, payload]) => {
    await admin
      .post('/api/rooms')
      .send({ slug: `xss-d-${i}`, name: `Description ${i}`, description: payload.slice(0, 500), guidelines: payload, visibility: 'listed', joinPolicy: 'open' })
      .expect(201);
  });
  lap('description rooms');
  // Content rooms: guidelines, thread titles, post bodies and chat messages, 25 payloads each.
  const socket: ChatClient = await connectedChat(baseUrl, writerToken);
  try {
    // The checks below find every payload whatever order it was stored in (counts and
    // membership, never positions), so posts and chat lines are written a few at a time.
    for (const [k, payloads] of chunks.entries()) {
      const room = (await admin
        .post('/api/rooms')
        .send({ slug: `xss-room-${k}`, name: `Content room ${k}`, description: 'Payloads inside.', guidelines: payloads.join('\n\n'), visibility: 'listed', joinPolicy: 'open' })
        .expect(201)).body as { id: string; slug: string };
      await Promise.all([
        writer.post(`/api/rooms/${room.id}/join`).send({ acceptGuidelines: true }).expect(200),
        viewer.agent.post(`/api/rooms/${room.id}/join`).send({ acceptGuidelines: true }).expect(200),
      ]);
      let postsThreadId = '';
      // Threads one at a time, as a member writes them (the room page lists one page of them).
      for (const [j, payload] of payloads.entries()) {
        const thread = (await writer.post(`/api/rooms/${room.id}/threads`).send({ title: payload.slice(0, 200), body: j === 0 ? 'The payload posts follow.' : 'x' }).expect(201)).body as { id: string };
        if (j === 0) postsThreadId = thread.id;
      }
      expect(await request(socket, 'chat:join', { roomId: room.id })).toMatchObject({ ok: true });
      await Promise.all([
        inBatches(payloads, (payload) => writer.post(`/api/threads/${postsThreadId}/posts`).send({ body: payload }).expect(201)),
        inBatches(payloads, async (payload) => {
          expect(await request(socket, 'message:send', { roomId: room.id, clientId: randomUUID(), body: payload })).toMatchObject({ ok: true });
        }),
      ]);
      contentRooms.push({ ...room, postsThreadId, payloads });
    }
  } finally {
    socket.disconnect();
  }

  lap('content');
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(10_000);
  // Runs before any page script and outside the CSP: records attempted script execution.
  await context.addInitScript({
    content: `document.addEventListener('securitypolicyviolation', (e) => { (window.__violations ??= []).push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sample); });`,
  });
  page = await context.newPage();
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => undefined);
  });
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text()) && /script/i.test(msg.text())) violations.push(msg.text().slice(0, 200));
  });
  const login = await context.request.post('/api/auth/login', { data: { handle: viewer.handle, password: GOOD_PASSWORD } });
  expect(login.ok()).toBe(true);
  appCsp = String((await t.http.get('/')).headers['content-security-policy']);
}, 120_000);

afterAll(async () => {
  process.stdout.write(
    `\nxss: ${PAYLOADS.length} payloads × (room description, room guidelines, thread title, post body, chat message), ${WITH_NUL.length} more with NUL refused at the API; ` +
      `chat rendered by the built web app: ${chatInApp === undefined ? 'not checked' : chatInApp ? 'yes' : 'no (CSP harness only)'}\n`,
  );
  await context?.close().catch(() => undefined);
  await browser?.close().catch(() => undefined);
  await t?.close();
});

describe('XSS corpus in the built web app (real Chromium)', () => {
  it('room descriptions on the room directory', async () => {
    await page.goto('/');
    await waitForPage(`document.body.innerText.includes('Description ${PAYLOADS.length - 1}')`, 'the room directory');
    await assertClean('/');
  });

  it.each(Array.from({ length: chunks.length }, (_, k) => k))('content room %i: thread titles, guidelines, and live chat', async (k) => {
    const room = contentRooms[k]!;
    await page.goto(`/rooms/${room.slug}`);
    await waitForPage(`document.querySelectorAll('a[href^="/threads/"]').length >= ${room.payloads.length}`, `${room.payloads.length} thread links`);
    // Guidelines sit in a closed <details>: open it so anything toggle-triggered would fire too.
    await page.evaluate(`document.querySelectorAll('details').forEach((d) => { d.open = true; })`);
    const hasChat = (await page.evaluate(`!!document.querySelector('.chat')`)) as boolean;
    if (hasChat) {
      await waitForPage(`document.querySelectorAll('.chat-message__body').length >= ${room.payloads.length}`, `${room.payloads.length} chat messages`);
      const shown = (await page.evaluate(`[...document.querySelectorAll('.chat-message__body')].map((e) => e.textContent)`)) as string[];
      // Shown as the text that was sent, not interpreted.
      expect(shown.filter((text) => room.payloads.includes(text)).length).toBeGreaterThan(room.payloads.length * 0.9);
    }
    chatInApp = (chatInApp ?? true) && hasChat;
    await assertClean(`/rooms/${room.slug}`);
  });

  it.each(Array.from({ length: chunks.length }, (_, k) => k))('content room %i: post bodies and the thread title on the thread page', async (k) => {
    const room = contentRooms[k]!;
    await page.goto(`/threads/${room.postsThreadId}`);
    await waitForPage(`document.querySelectorAll('.post__body').length >= ${room.payloads.length + 1}`, `${room.payloads.length + 1} posts`);
    await assertClean(`/threads/${room.postsThreadId}`);
  });

  it('payloads containing NUL are refused everywhere (400), so they never reach a page', async () => {
    const room = contentRooms[0]!;
    const writer = t.agent();
    await writer.post('/api/auth/register').send({ handle: uniqueHandle('nul'), password: GOOD_PASSWORD }).expect(201);
    await writer.post(`/api/rooms/${room.id}/join`).send({ acceptGuidelines: true }).expect(200);
    expect(WITH_NUL.length).toBeGreaterThan(0);
    for (const payload of WITH_NUL) {
      expect((await writer.post(`/api/threads/${room.postsThreadId}/posts`).send({ body: payload })).status).toBe(400);
      expect((await writer.post(`/api/rooms/${room.id}/threads`).send({ title: payload.slice(0, 200), body: 'x' })).status).toBe(400);
    }
  });

  it('handles cannot carry markup: registration refuses every payload as a handle', async () => {
    let refused = 0;
    await inBatches(PAYLOADS, async (payload) => {
      const res = await t.http.post('/api/auth/register').send({ handle: payload.slice(0, 32), password: GOOD_PASSWORD });
      if (res.status === 400) refused += 1;
    });
    expect(refused).toBe(PAYLOADS.length);
  });
});

describe('second line: server-rendered HTML and raw chat bodies in a page with the app’s CSP', () => {
  let html: string[] = [];
  let chat: string[] = [];

  beforeAll(async () => {
    const reader = t.agent();
    await reader.post('/api/auth/register').send({ handle: uniqueHandle('reader'), password: GOOD_PASSWORD }).expect(201);
    for (const room of contentRooms) {
      const posts = (await reader.get(`/api/threads/${room.postsThreadId}/posts?limit=100`).expect(200)).body as { items: { bodyHtml?: string }[] };
      html.push(...posts.items.map((p) => p.bodyHtml ?? ''));
      html.push(((await reader.get(`/api/rooms/${room.id}`).expect(200)).body as { guidelinesHtml: string }).guidelinesHtml);
    }
    for (const i of PAYLOADS.keys()) html.push(((await reader.get(`/api/rooms/xss-d-${i}`).expect(200)).body as { guidelinesHtml: string }).guidelinesHtml);
    const token = /kindred_session=([^;]+)/.exec(String((await t.http.post('/api/auth/register').send({ handle: uniqueHandle('chatreader'), password: GOOD_PASSWORD })).headers['set-cookie']))![1]!;
    const socket = await connectedChat(baseUrl, token);
    try {
      for (const room of contentRooms) {
        const joined = await request<{ messages: { body: string }[] }>(socket, 'chat:join', { roomId: room.id });
        chat.push(...joined.messages.map((m) => m.body));
      }
    } finally {
      socket.disconnect();
    }
    html = html.filter(Boolean);
    chat = chat.filter(Boolean);
  });

  async function harness(withCsp: boolean): Promise<void> {
    await page.route(`${baseUrl}/__harness`, (route) =>
      route.fulfill({
        status: 200,
        headers: { 'content-type': 'text/html; charset=utf-8', ...(withCsp ? { 'content-security-policy': appCsp } : {}) },
        body: '<!doctype html><html><head><title>harness</title></head><body><main id="html"></main><main id="text"></main><main id="raw"></main></body></html>',
      }),
    );
    await page.goto(`${baseUrl}/__harness`);
    await page.unroute(`${baseUrl}/__harness`);
  }

  it('the oracle works: without a CSP, a raw payload does run in this harness', async () => {
    await harness(false);
    await page.evaluate(`document.getElementById('raw').innerHTML = '<img src="data:," onerror="window.__xss=1">'`);
    await page.waitForTimeout(100);
    expect(await page.evaluate('window.__xss')).toBe(1);
  });

  it(`every bodyHtml/guidelinesHtml stays inert and clean, inserted as the app inserts it`, async () => {
    expect(html.length).toBeGreaterThan(PAYLOADS.length * 2);
    await harness(true);
    await page.evaluate(
      `(${JSON.stringify(html)}).forEach((h) => { const d = document.createElement('div'); d.className = 'prose'; d.innerHTML = h; document.getElementById('html').append(d); })`,
    );
    await assertClean('harness: server-rendered HTML');
  });

  it('chat bodies: as text (what the app does) nothing runs; even inserted raw as HTML, the CSP stops every one', async () => {
    expect(chat.length).toBe(PAYLOADS.length);
    await harness(true);
    await page.evaluate(`(${JSON.stringify(chat)}).forEach((b) => { const p = document.createElement('p'); p.textContent = b; document.getElementById('text').append(p); })`);
    await assertClean('harness: chat bodies as text');
    violations.length = 0; // what follows triggers CSP reports on purpose
    await page.evaluate(`(${JSON.stringify(chat)}).forEach((b) => { const d = document.createElement('div'); d.innerHTML = b; document.getElementById('raw').append(d); })`);
    await page.waitForTimeout(300);
    // Raw insertion is not what the app does: the CSP is the only line here, so only execution is checked.
    expect({ dialogs, xss: (await page.evaluate('window.__xss')) ?? null }).toEqual({ dialogs: [], xss: null });
  });
});
