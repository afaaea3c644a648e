import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { GOOD_PASSWORD, registerMember } from '../../support/accounts.js';
import { findFreePort } from '../../support/ports.js';
import { REPO_ROOT } from '../../support/server-process.js';
import { startTestApp, type TestApp } from '../../support/test-app.js';

export const WEB_DIST_DIR = join(REPO_ROOT, 'apps/web/dist');

/**
 * Debian's Chromium, headless, with no way out: every host name except our loopback address
 * fails to resolve, so the app cannot reach (or leak to) anything on the internet. Quick
 * exit's neutral site therefore fails to load here, which the tests expect.
 */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-default-apps',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
];

export interface E2eOptions {
  /**
   * Serve at http://localhost:PORT (and make that the public origin) instead of 127.0.0.1:
   * WebAuthn needs a host name (it refuses IP addresses) in a secure context, which localhost is.
   */
  localhost?: boolean;
}

export interface E2eApp {
  /** The running app; replaced by `restart()`. */
  t: TestApp;
  baseUrl: string;
  port: number;
  browser: Browser;
  /** A fresh browser context: one per simulated person. */
  person(options?: BrowserContextOptions): Promise<{ context: BrowserContext; page: Page }>;
  /**
   * Stops the app (every socket drops), runs `whileDown`, then starts a new app on the same
   * port and the same database, as after a server restart.
   */
  restart(whileDown?: () => Promise<void>): Promise<void>;
  /** Another instance on the same database and a free port (closed by the caller). */
  secondInstance(): Promise<TestApp & { baseUrl: string }>;
  close(): Promise<void>;
}

/** The real app (built web app included) on a free loopback port, and one browser. */
export async function startE2eApp(options: E2eOptions = {}): Promise<E2eApp> {
  const fixedPort = options.localhost ? await findFreePort() : 0;
  const env: Record<string, string> = options.localhost ? { WEB_DIST_DIR, PUBLIC_ORIGIN: `http://localhost:${fixedPort}` } : { WEB_DIST_DIR };
  // The browser starts while the app does: neither needs the other until the first page.
  const [started, launched] = await Promise.allSettled([
    startTestApp(env).then(async (t) => {
      await t.app.listen({ port: fixedPort, host: '127.0.0.1' });
      return t;
    }),
    chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS }),
  ]);
  if (started.status === 'rejected' || launched.status === 'rejected') {
    // Whichever did start is shut down again, so a failed start leaves nothing running.
    if (launched.status === 'fulfilled') await launched.value.close().catch(() => undefined);
    if (started.status === 'fulfilled') await started.value.close().catch(() => undefined);
    throw started.status === 'rejected' ? started.reason : (launched as PromiseRejectedResult).reason;
  }
  const t = started.value;
  const browser = launched.value;
  const { port } = t.app.getHttpServer().address() as AddressInfo;
  const baseUrl = `http://${options.localhost ? 'localhost' : '127.0.0.1'}:${port}`;
  const contexts: BrowserContext[] = [];
  const database = t.db;

  const e2e: E2eApp = {
    t,
    baseUrl,
    port,
    browser,
    async person(options = {}) {
      const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 900 }, ...options });
      context.setDefaultTimeout(10_000);
      contexts.push(context);
      return { context, page: await context.newPage() };
    },
    async restart(whileDown) {
      await e2e.t.app.close();
      await whileDown?.();
      const next = await startTestApp(env, database.url);
      await next.app.listen({ port, host: '127.0.0.1' });
      e2e.t = next;
    },
    async secondInstance() {
      const other = await startTestApp({ WEB_DIST_DIR }, database.url);
      await other.app.listen({ port: 0, host: '127.0.0.1' });
      const address = other.app.getHttpServer().address() as AddressInfo;
      return Object.assign(other, { baseUrl: `http://127.0.0.1:${address.port}` });
    },
    async close() {
      await Promise.all(contexts.map((context) => context.close().catch(() => undefined)));
      await browser.close().catch(() => undefined);
      await e2e.t.app.close().catch(() => undefined);
      await database.drop();
    },
  };
  return e2e;
}

/** A member registered over the API whose browser context is signed in (no UI steps). */
export async function signedInMember(e2e: E2eApp, options: BrowserContextOptions = {}) {
  const { context, page } = await e2e.person(options);
  const member = await registerMember(e2e.t, undefined, (await page.evaluate('navigator.userAgent')) as string);
  const res = await context.request.post('/api/auth/login', { data: { handle: member.handle, password: GOOD_PASSWORD } });
  if (!res.ok()) throw new Error(`login failed: ${res.status()}`);
  return { ...member, context, page };
}

/** Presses Tab until `isTarget` says the focused element is the one wanted (keyboard only). */
export async function tabTo(page: Page, description: string, isTarget: () => Promise<boolean>, maxPresses = 80): Promise<void> {
  for (let i = 0; i < maxPresses; i += 1) {
    await page.keyboard.press('Tab');
    if (await isTarget()) return;
  }
  throw new Error(`Tab never reached ${description}`);
}

/** What has focus, described for matching: tag, id, role, accessible-ish text. */
export function focused(page: Page): Promise<{ tag: string; id: string; text: string; type: string }> {
  return page.evaluate(
    `(() => { const el = document.activeElement; return { tag: el?.tagName.toLowerCase() ?? '', id: el?.id ?? '', text: (el?.textContent ?? '').trim(), type: el?.getAttribute('type') ?? '' }; })()`,
  );
}

/**
 * Polls a page expression from the test side. (page.waitForFunction compiles its predicate
 * inside the page, which the app's CSP rightly forbids: no eval.)
 */
export async function waitForPage(page: Page, expression: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await page.evaluate(expression).catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Timed out waiting for: ${expression}`);
}

/**
 * Waits until the tab has left our origin. The neutral site cannot load here (no network),
 * so the navigation "fails"; what matters is that the page is no longer ours.
 */
export async function waitToLeave(page: Page, origin: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!page.url().startsWith(origin)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Still on ${page.url()}`);
}
