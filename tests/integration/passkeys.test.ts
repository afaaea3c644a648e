import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ErrorCode, NotificationKind } from '@kindred/contracts';
import type { APIResponse, BrowserContext, Page } from 'playwright-core';
import { Secret, TOTP } from 'otpauth';
import { Clock } from '../../apps/api/src/common/clock.js';
import { startE2eApp, type E2eApp } from '../e2e/support/e2e-app.js';
import { GOOD_PASSWORD, uniqueHandle } from '../support/accounts.js';
import { addVirtualAuthenticator, createPasskey, usePasskey, type VirtualAuthenticator } from '../support/virtual-authenticator.js';

/**
 * Passkeys end to end at the HTTP level, with the real WebAuthn of Chromium and a virtual
 * authenticator (DevTools protocol): the browser makes and signs every answer, and the test
 * sends them to the API as the web app would.
 */
let e2e: E2eApp;
/** A page on another origin (another port of localhost): answers made there name that origin. */
let elsewhere: Server;
let elsewhereUrl: string;

beforeAll(async () => {
  e2e = await startE2eApp({ localhost: true });
  elsewhere = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>elsewhere</title>'));
  await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
  elsewhereUrl = `http://localhost:${(elsewhere.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  await new Promise((resolve) => elsewhere?.close(resolve));
  await e2e?.close();
});

interface Member {
  handle: string;
  id: string;
  context: BrowserContext;
  page: Page;
  authenticator: VirtualAuthenticator;
}

/** A member signed in in a fresh browser with a virtual authenticator, on a page of the app's origin. */
async function member(userAgent?: string): Promise<Member> {
  const { context, page } = await e2e.person(userAgent ? { userAgent } : {});
  await page.goto('/api/health');
  const handle = uniqueHandle('pk');
  const res = await context.request.post('/api/auth/register', { data: { handle, password: GOOD_PASSWORD } });
  expect(res.status()).toBe(201);
  return { handle, id: ((await res.json()) as { id: string }).id, context, page, authenticator: await addVirtualAuthenticator(page) };
}

async function expectError(res: APIResponse, status: number, code: string) {
  const body = (await res.json()) as { statusCode: number; code: string; message: string };
  expect({ status: res.status(), code: body.code }).toEqual({ status, code });
  expect(body.statusCode).toBe(status);
  expect(typeof body.message).toBe('string');
}

async function addPasskey(m: Member, name = 'My phone') {
  const options = await m.context.request.post('/api/auth/passkeys/options', { data: { password: GOOD_PASSWORD } });
  expect(options.status()).toBe(200);
  const credential = await createPasskey(m.page, await options.json());
  const res = await m.context.request.post('/api/auth/passkeys', { data: { name, response: credential } });
  expect(res.status()).toBe(201);
  return { credential, passkey: (await res.json()) as { id: string; name: string; lastUsedAt: string | null } };
}

/** Asks for a challenge (the ceremony cookie lands in this browser) and lets the authenticator answer it. */
async function passkeyAnswer(m: Member) {
  const options = await m.context.request.post('/api/auth/login/passkey/options');
  expect(options.status()).toBe(200);
  return usePasskey(m.page, await options.json());
}

const signInWith = (m: Member, response: unknown) => m.context.request.post('/api/auth/login/passkey', { data: { response } });
const signOut = async (m: Member) => expect((await m.context.request.post('/api/auth/logout')).status()).toBe(204);
const whoIsSignedIn = async (m: Member) => ((await (await m.context.request.get('/api/auth/me')).json()) as { user: { handle: string } | null }).user?.handle ?? null;
const liveSessions = async (id: string) => (await e2e.t.query('SELECT 1 FROM sessions WHERE user_id = $1 AND revoked_at IS NULL', [id])).length;
const stored = async (id: string) => (await e2e.t.query<{ counter: string; last_used_at: Date | null }>('SELECT counter, last_used_at FROM passkeys WHERE user_id = $1', [id]))[0];

describe('adding a passkey', () => {
  it('asks for the password, then stores the public key of a discoverable, person-verifying passkey; the challenge works once', async () => {
    const m = await member();
    await expectError(await m.context.request.post('/api/auth/passkeys/options', { data: { password: 'not-my-password-1' } }), 400, ErrorCode.InvalidCredentials);

    const options = (await (await m.context.request.post('/api/auth/passkeys/options', { data: { password: GOOD_PASSWORD } })).json()) as {
      rp: unknown;
      authenticatorSelection: unknown;
      user: { id: string };
    };
    expect(options.rp).toEqual({ name: 'Kindred', id: 'localhost' });
    expect(options.authenticatorSelection).toMatchObject({ residentKey: 'required', userVerification: 'required' });
    // The user handle is opaque: not the account id.
    expect(Buffer.from(options.user.id, 'base64url').toString('hex')).not.toContain(m.id.replace(/-/g, ''));
    const credential = await createPasskey(m.page, options);
    const res = await m.context.request.post('/api/auth/passkeys', { data: { name: '  Kitchen tablet ', response: credential } });
    expect(res.status()).toBe(201);
    expect(await res.json()).toMatchObject({ name: 'Kitchen tablet', lastUsedAt: null, backedUp: false });
    expect((await m.authenticator.credentials()).map((c) => c.isResidentCredential)).toEqual([true]);

    // The same answer again: the ceremony is used up, nothing more is stored.
    await expectError(await m.context.request.post('/api/auth/passkeys', { data: { name: 'Again', response: credential } }), 401, ErrorCode.PasskeyInvalid);
    const list = (await (await m.context.request.get('/api/auth/passkeys')).json()) as { name: string; createdAt: string }[];
    expect(list.map((p) => p.name)).toEqual(['Kitchen tablet']);

    // The export has public facts only, never the key or the credential id.
    const exported = (await (await m.context.request.get('/api/me/export')).json()) as { passkeys: unknown[] };
    expect(exported.passkeys).toEqual([expect.objectContaining({ name: 'Kitchen tablet', lastUsedAt: null })]);
    expect(JSON.stringify(exported)).not.toContain(credential.id as string);
  });

  it('refuses an answer made for another origin, and bad shapes with 400 (nothing stored)', async () => {
    const m = await member();
    const options = await (await m.context.request.post('/api/auth/passkeys/options', { data: { password: GOOD_PASSWORD } })).json();
    await m.page.goto(elsewhereUrl);
    const foreign = await createPasskey(m.page, options);
    await m.page.goto('/api/health');
    await expectError(await m.context.request.post('/api/auth/passkeys', { data: { name: 'Foreign', response: foreign } }), 401, ErrorCode.PasskeyInvalid);
    await expectError(await m.context.request.post('/api/auth/passkeys', { data: { name: 'x', response: { id: 'not base64!' } } }), 400, ErrorCode.ValidationFailed);
    await expectError(await m.context.request.post('/api/auth/passkeys', { data: { name: ' ', response: foreign } }), 400, ErrorCode.ValidationFailed);
    expect(await e2e.t.query('SELECT 1 FROM passkeys WHERE user_id = $1', [m.id])).toEqual([]);
  });
});

describe('signing in with a passkey', () => {
  it('needs no handle, counts as both steps (two-step stays on for passwords), and shows in sign-in history', async () => {
    const m = await member();
    // Two-step sign-in on: a passkey sign-in still needs nothing more.
    const setup = (await (await m.context.request.post('/api/auth/totp/setup', { data: { password: GOOD_PASSWORD } })).json()) as { secret: string };
    const code = new TOTP({ secret: Secret.fromBase32(setup.secret), digits: 6, period: 30 }).generate({ timestamp: e2e.t.get(Clock).now().getTime() });
    expect((await m.context.request.post('/api/auth/totp/confirm', { data: { code } })).status()).toBe(204);
    await addPasskey(m);
    await signOut(m);
    expect(await whoIsSignedIn(m)).toBeNull();

    const res = await signInWith(m, await passkeyAnswer(m));
    expect(res.status()).toBe(200);
    expect(((await res.json()) as { handle: string }).handle).toBe(m.handle);
    expect(await whoIsSignedIn(m)).toBe(m.handle);
    expect((await stored(m.id))!.last_used_at).not.toBeNull();
    const history = (await (await m.context.request.get('/api/auth/sign-in-history')).json()) as { method: string; outcome: string }[];
    expect(history).toContainEqual(expect.objectContaining({ method: 'passkey', outcome: 'success' }));
    const listed = (await (await m.context.request.get('/api/auth/passkeys')).json()) as { lastUsedAt: string | null }[];
    expect(listed[0]!.lastUsedAt).not.toBeNull();
    // The password still asks for the second step.
    const byPassword = await e2e.t.http.post('/api/auth/login').send({ handle: m.handle, password: GOOD_PASSWORD }).expect(200);
    expect(byPassword.body).toEqual({ twoStepRequired: true });
  });

  it('from a device the account has not used, leaves the new-device notice like any sign-in', async () => {
    const m = await member();
    await addPasskey(m);
    const stored = await m.authenticator.credentials();
    // The same passkey, synced to a phone of another kind.
    const phone = await member('Mozilla/5.0 (Android 14; Mobile; rv:128.0) Gecko/128.0 Firefox/128.0');
    await signOut(phone);
    await phone.authenticator.addCredential(stored[0]!);
    expect((await signInWith(phone, await passkeyAnswer(phone))).status()).toBe(200);
    expect(await whoIsSignedIn(phone)).toBe(m.handle);
    const notices = await e2e.t.query<{ body: string }>('SELECT body FROM notifications WHERE user_id = $1 AND kind = $2', [m.id, NotificationKind.NewDeviceSignIn]);
    expect(notices).toHaveLength(1);
    expect(notices[0]!.body).toContain('Firefox on Android');
  });

  it('refuses a replayed answer, an answer to a used or expired challenge, and one made on another origin; nothing is written', async () => {
    const m = await member();
    await addPasskey(m);
    await signOut(m);
    const answer = await passkeyAnswer(m);
    expect((await signInWith(m, answer)).status()).toBe(200);
    await signOut(m);
    const sessions = await liveSessions(m.id);
    const before = await stored(m.id);

    // The same answer with a fresh challenge (replay), and with no challenge at all.
    await m.context.request.post('/api/auth/login/passkey/options');
    await expectError(await signInWith(m, answer), 401, ErrorCode.PasskeyInvalid);
    await expectError(await signInWith(m, answer), 401, ErrorCode.PasskeyInvalid);

    // A good answer, but the challenge has expired.
    const late = await passkeyAnswer(m);
    e2e.t.get(Clock).advance(5 * 60_000 + 1_000);
    await expectError(await signInWith(m, late), 401, ErrorCode.PasskeyInvalid);

    // Made on another origin for this site's challenge.
    const options = await (await m.context.request.post('/api/auth/login/passkey/options')).json();
    await m.page.goto(elsewhereUrl);
    const foreign = await usePasskey(m.page, options);
    await m.page.goto('/api/health');
    await expectError(await signInWith(m, foreign), 401, ErrorCode.PasskeyInvalid);

    expect(await whoIsSignedIn(m)).toBeNull();
    expect(await liveSessions(m.id)).toBe(sessions);
    expect(await stored(m.id)).toEqual(before);
    const failures = await e2e.t.query("SELECT 1 FROM sign_in_events WHERE user_id = $1 AND method = 'passkey' AND outcome = 'failure'", [m.id]);
    expect(failures.length).toBeGreaterThanOrEqual(2);
  });

  it('refuses a signature counter that went backwards (a copied authenticator) without signing in or recording the use', async () => {
    const m = await member();
    await addPasskey(m);
    await signOut(m);
    await e2e.t.query('UPDATE passkeys SET counter = 1000 WHERE user_id = $1', [m.id]);
    const before = await stored(m.id);
    await expectError(await signInWith(m, await passkeyAnswer(m)), 401, ErrorCode.PasskeyInvalid);
    expect(await whoIsSignedIn(m)).toBeNull();
    expect(await stored(m.id)).toEqual(before);
  });
});

describe('removing a passkey', () => {
  it('asks for the password; afterwards the passkey is unknown to sign-in; deleting the account removes the rest', async () => {
    const m = await member();
    const { passkey } = await addPasskey(m, 'Old phone');
    // One authenticator holds one passkey per account (the browser refuses a second), so the
    // laptop's is made while the phone's is set aside.
    const [oldPhone] = await m.authenticator.credentials();
    await m.authenticator.cdp.send('WebAuthn.clearCredentials', { authenticatorId: m.authenticator.authenticatorId });
    const laptop = await addPasskey(m, 'Laptop');
    await expectError(await m.context.request.delete(`/api/auth/passkeys/${passkey.id}`, { data: { password: 'not-my-password-1' } }), 400, ErrorCode.InvalidCredentials);
    const other = await member();
    await expectError(await other.context.request.delete(`/api/auth/passkeys/${passkey.id}`, { data: { password: GOOD_PASSWORD } }), 404, ErrorCode.NotFound);
    expect((await m.context.request.delete(`/api/auth/passkeys/${passkey.id}`, { data: { password: GOOD_PASSWORD } })).status()).toBe(204);
    expect(((await (await m.context.request.get('/api/auth/passkeys')).json()) as { name: string }[]).map((p) => p.name)).toEqual(['Laptop']);

    // The authenticator has only the removed passkey (the site no longer knows it) and offers it.
    await m.authenticator.cdp.send('WebAuthn.clearCredentials', { authenticatorId: m.authenticator.authenticatorId });
    await m.authenticator.addCredential(oldPhone!);
    expect(laptop.credential.id).not.toBe(Buffer.from(oldPhone!.credentialId, 'base64').toString('base64url'));
    await signOut(m);
    await expectError(await signInWith(m, await passkeyAnswer(m)), 401, ErrorCode.PasskeyInvalid);
    expect(await whoIsSignedIn(m)).toBeNull();

    const again = await member();
    await addPasskey(again);
    expect((await again.context.request.delete('/api/me', { data: { password: GOOD_PASSWORD, eraseContent: false } })).status()).toBe(204);
    expect(await e2e.t.query('SELECT 1 FROM passkeys WHERE user_id = $1', [again.id])).toEqual([]);
  });
});

describe('limits', () => {
  // Last: it locks the test address out of sign-in.
  it('answers naming passkeys nobody has count against the address like wrong passwords (429 LOGIN_LOCKED)', async () => {
    const m = await member();
    // Earlier tests' failures came from this address too: start the count afresh.
    await e2e.t.query('DELETE FROM login_failures');
    const limit = e2e.t.config.loginMaxFailures * 6;
    const bogus = { id: 'AAAA', rawId: 'AAAA', type: 'public-key', clientExtensionResults: {}, response: { clientDataJSON: 'e30', authenticatorData: 'AA', signature: 'AA' } };
    for (let i = 0; i < limit; i += 1) {
      await m.context.request.post('/api/auth/login/passkey/options');
      await expectError(await signInWith(m, bogus), 401, ErrorCode.PasskeyInvalid);
    }
    await m.context.request.post('/api/auth/login/passkey/options');
    await expectError(await signInWith(m, bogus), 429, ErrorCode.LoginLocked);
  });
});
