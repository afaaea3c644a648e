/**
 * HSTS is decided per request: behind a trusted TLS proxy from its X-Forwarded-Proto, and
 * always when PUBLIC_ORIGIN is https. It was decided once at start-up from PUBLIC_ORIGIN alone,
 * so TRUST_PROXY=true with X-Forwarded-Proto: https sent none (issue 21).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../support/test-app.js';

const apps: TestApp[] = [];
let trusted: TestApp;
let untrusted: TestApp;
let httpsOrigin: TestApp;

beforeAll(async () => {
  trusted = await startTestApp({ TRUST_PROXY: 'true', PUBLIC_ORIGIN: 'http://localhost:3000' });
  apps.push(trusted);
  // The other two share its database: only the headers differ.
  untrusted = await startTestApp({ PUBLIC_ORIGIN: 'http://localhost:3000' }, trusted.db.url);
  apps.push(untrusted);
  httpsOrigin = await startTestApp({ PUBLIC_ORIGIN: 'https://kindred.example' }, trusted.db.url);
  apps.push(httpsOrigin);
});
afterAll(async () => {
  for (const app of apps.reverse()) await app.close();
});

const hsts = (res: { headers: Record<string, string> }) => res.headers['strict-transport-security'];

describe('Strict-Transport-Security', () => {
  it('is sent behind a trusted proxy that says the request came over TLS, on the API and the web app', async () => {
    for (const path of ['/api/health', '/api/does-not-exist', '/']) {
      const res = await trusted.http.get(path).set('X-Forwarded-Proto', 'https');
      expect(hsts(res)).toBe('max-age=31536000; includeSubDomains');
    }
  });

  it('is not sent behind a trusted proxy for a plain-http request', async () => {
    expect(hsts(await trusted.http.get('/api/health').set('X-Forwarded-Proto', 'http'))).toBeUndefined();
    expect(hsts(await trusted.http.get('/api/health'))).toBeUndefined();
  });

  it('is not sent for a spoofed X-Forwarded-Proto when no proxy is trusted', async () => {
    const res = await untrusted.http.get('/api/health').set('X-Forwarded-Proto', 'https');
    expect(res.status).toBe(200);
    expect(hsts(res)).toBeUndefined();
  });

  it('is always sent when PUBLIC_ORIGIN is https', async () => {
    expect(hsts(await httpsOrigin.http.get('/api/health'))).toBe('max-age=31536000; includeSubDomains');
    expect(hsts(await httpsOrigin.http.get('/api/health').set('X-Forwarded-Proto', 'http'))).toBe('max-age=31536000; includeSubDomains');
  });
});
