import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GOOD_PASSWORD, uniqueHandle } from '../support/accounts.js';
import { expectApiError } from '../support/error-shape.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
const webDir = mkdtempSync(join(tmpdir(), 'kindred-web-'));

beforeAll(async () => {
  writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>Kindred</title><div id="root"></div>');
  t = await startTestApp({ BODY_LIMIT_BYTES: '16384', WEB_DIST_DIR: webDir, PUBLIC_ORIGIN: 'https://kindred.example' });
});
afterAll(async () => {
  await t?.close();
});

describe('health and docs', () => {
  it('reports ok with the database up', async () => {
    const res = await t.http.get('/api/health').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', db: 'up', version: expect.any(String) });
  });

  it('serves OpenAPI 3 JSON and the docs UI', async () => {
    const spec = await t.http.get('/api/openapi.json').expect(200);
    expect(spec.body.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.body.paths)).toEqual(expect.arrayContaining(['/api/auth/register', '/api/auth/login', '/api/health']));
    const docs = await t.http.get('/api/docs').redirects(1);
    expect(docs.status).toBe(200);
    expect(docs.text).toMatch(/swagger/i);
  });
});

describe('errors always have one shape', () => {
  it('unknown API route → 404', async () => {
    expectApiError(await t.http.get('/api/does-not-exist'), 404, 'ROUTE_NOT_FOUND');
    expectApiError(await t.http.post('/api/auth/does-not-exist').send({}), 404, 'ROUTE_NOT_FOUND');
  });

  it('malformed JSON → 400', async () => {
    const res = await t.http.post('/api/auth/login').set('Content-Type', 'application/json').send('{"handle": "x", ');
    expectApiError(res, 400, 'MALFORMED_JSON');
  });

  it('a body over the limit → 413', async () => {
    const res = await t.http.post('/api/auth/register').send({ handle: 'big_body', password: 'x'.repeat(40_000) });
    expectApiError(res, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('extra fields → 400 naming the field, and nothing is written', async () => {
    const handle = uniqueHandle();
    const res = await t.http.post('/api/auth/register').send({ handle, password: GOOD_PASSWORD, role: 'admin' });
    expectApiError(res, 400, 'VALIDATION_FAILED');
    expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'role' })]));
    const rows = await t.query<{ n: number }>('SELECT count(*)::int AS n FROM users WHERE handle_key = $1', [handle.toLowerCase()]);
    expect(rows[0]!.n).toBe(0);
  });

  it.each([
    ['a number for a string', { handle: 12345, password: GOOD_PASSWORD }],
    ['an array body', [1, 2, 3]],
    ['a nested object', { handle: { $gt: '' }, password: GOOD_PASSWORD }],
    ['missing fields', {}],
    ['null', null],
  ])('wrong types (%s) → 400', async (_, body) => {
    const res = await t.http.post('/api/auth/login').set('Content-Type', 'application/json').send(JSON.stringify(body));
    expectApiError(res, 400);
  });

  it('a body of the wrong media type → 415', async () => {
    const res = await t.http.post('/api/auth/login').set('Content-Type', 'application/xml').send('<login/>');
    expectApiError(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('a bad id in the path → 400, not 500', async () => {
    const agent = t.agent();
    await agent.post('/api/auth/register').send({ handle: uniqueHandle(), password: GOOD_PASSWORD }).expect(201);
    expectApiError(await agent.delete('/api/auth/sessions/%00%27%3B--'), 400);
  });
});

describe('security headers', () => {
  it('sends a strict CSP, no-store on the API, and the usual hardening headers', async () => {
    const res = await t.http.get('/api/health');
    const csp = res.headers['content-security-policy'];
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-powered-by']).toBeUndefined();
    // Served on an https public origin, so browsers are told to stay on TLS.
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
  });

  it('refuses a state-changing request from a foreign Origin (CSRF defence)', async () => {
    const res = await t.http.post('/api/auth/login').set('Origin', 'https://evil.example').send({ handle: 'someone', password: GOOD_PASSWORD });
    expectApiError(res, 403, 'CROSS_ORIGIN_REJECTED');
    const same = await t.http.post('/api/auth/login').set('Origin', 'https://kindred.example').send({ handle: 'someone', password: 'wrong-password-1' });
    expectApiError(same, 401, 'INVALID_CREDENTIALS');
  });
});

describe('serving the web app', () => {
  it('serves the app shell at / and for client-side routes, but not for API paths or missing assets', async () => {
    const home = await t.http.get('/').expect(200);
    expect(home.headers['content-type']).toMatch(/text\/html/);
    expect(home.text).toContain('<div id="root">');
    const deep = await t.http.get('/rooms/grounding-and-self-care').set('Accept', 'text/html').expect(200);
    expect(deep.text).toContain('<div id="root">');
    expect(deep.headers['content-security-policy']).toContain("script-src 'self'");
    expectApiError(await t.http.get('/api/rooms/nope/nothing'), 404);
    expect((await t.http.get('/assets/missing.js')).status).toBe(404);
  });
});

describe('rate limiting', () => {
  it('answers 429 in the error shape once the per-minute budget is spent', async () => {
    const limited = await startTestApp({ RATE_LIMIT_PER_MINUTE: '5' });
    try {
      for (let i = 0; i < 5; i += 1) await limited.http.get('/api/health').expect(200);
      const res = await limited.http.get('/api/health');
      expectApiError(res, 429, 'RATE_LIMITED');
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  });

  it('registration has its own, tighter hourly budget per address', async () => {
    const limited = await startTestApp({ REGISTER_LIMIT_PER_HOUR: '2' });
    try {
      await limited.http.post('/api/auth/register').send({ handle: uniqueHandle(), password: GOOD_PASSWORD }).expect(201);
      await limited.http.post('/api/auth/register').send({ handle: uniqueHandle(), password: GOOD_PASSWORD }).expect(201);
      expectApiError(await limited.http.post('/api/auth/register').send({ handle: uniqueHandle(), password: GOOD_PASSWORD }), 429, 'RATE_LIMITED');
      // Other routes are not affected by the registration budget.
      await limited.http.get('/api/health').expect(200);
    } finally {
      await limited.close();
    }
  });
});
