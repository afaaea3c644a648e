import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ErrorCode } from '@kindred/contracts';
import { loadConfig } from '../../apps/api/src/config/app-config.js';
import { ConfigError } from '../../apps/api/src/config/config-error.js';
import { expectApiError } from '../support/error-shape.js';
import { memberSession } from '../support/realtime.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let off: TestApp;
let admins: TestApp;
/** Session tokens, valid on all three instances. */
const tokens: Partial<Record<'member' | 'moderator' | 'admin', string>> = {};

beforeAll(async () => {
  t = await startTestApp();
  // Same database (and session secret), so one set of accounts signs in to all three.
  off = await startTestApp({ API_DOCS: 'off' }, t.db.url);
  admins = await startTestApp({ API_DOCS: 'admins' }, t.db.url);
  for (const role of ['member', 'moderator', 'admin'] as const) {
    const person = await memberSession(t, role);
    await t.query('UPDATE users SET role = $2 WHERE id = $1', [person.user.id, role]);
    tokens[role] = person.token;
  }
});
afterAll(async () => {
  await admins?.close();
  await off?.close();
  await t?.close();
});

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
}
type Operation = { parameters?: Parameter[] };
type PathItem = Record<string, Operation> & { parameters?: Parameter[] };

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

describe('the OpenAPI document', () => {
  it('declares every {param} of every path as a required path parameter of each operation (so a client can be generated)', async () => {
    const doc = (await t.http.get('/api/openapi.json').expect(200)).body as { paths: Record<string, PathItem> };
    const problems: string[] = [];
    let operations = 0;
    for (const [path, item] of Object.entries(doc.paths)) {
      const inPath = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!).sort();
      for (const method of METHODS.filter((m) => item[m])) {
        operations += 1;
        const declared = [...(item.parameters ?? []), ...(item[method]!.parameters ?? [])].filter((p) => p.in === 'path');
        const names = declared.map((p) => p.name).sort();
        const where = `${method.toUpperCase()} ${path}`;
        for (const name of inPath.filter((n) => !names.includes(n))) problems.push(`${where}: {${name}} is not declared`);
        for (const name of names.filter((n) => !inPath.includes(n))) problems.push(`${where}: declares path parameter ${name} that is not in the path`);
        for (const p of declared.filter((d) => d.required !== true)) problems.push(`${where}: path parameter ${p.name} is not required`);
      }
    }
    expect(operations).toBeGreaterThan(50);
    expect(problems).toEqual([]);
  });
});

function as(app: TestApp, who: keyof typeof tokens | 'anonymous', path: string) {
  const request = app.http.get(path);
  return who === 'anonymous' ? request : request.set('Cookie', `kindred_session=${tokens[who]}`);
}

const DOCS_PATHS = ['/api/openapi.json', '/api/docs', '/api/docs/', '/api/docs/swagger-ui-init.js', '/api/docs/swagger-ui.css'];

describe('API_DOCS', () => {
  it('defaults to admins in production and on elsewhere, and refuses other values at start-up', () => {
    const secret = { SESSION_SECRET: 's'.repeat(40) };
    expect(loadConfig({ ...secret, NODE_ENV: 'production' }).apiDocs).toBe('admins');
    expect(loadConfig({ ...secret, NODE_ENV: 'development' }).apiDocs).toBe('on');
    expect(loadConfig({ ...secret, NODE_ENV: 'test' }).apiDocs).toBe('on');
    expect(loadConfig({ ...secret, NODE_ENV: 'production', API_DOCS: 'on' }).apiDocs).toBe('on');
    expect(() => loadConfig({ ...secret, API_DOCS: 'public' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...secret, API_DOCS: 'public' })).toThrow(/API_DOCS must be one of on, off, admins/);
  });

  it('on: everyone gets the document and the UI', async () => {
    for (const who of ['anonymous', 'member'] as const) {
      for (const path of DOCS_PATHS) expect([path, (await as(t, who, path)).status]).toEqual([path, 200]);
    }
  });

  it('off: nobody gets them, not even an admin; the answer is an unknown endpoint', async () => {
    const unknown = (await off.http.get('/api/no-such-thing')).body;
    for (const who of ['anonymous', 'admin'] as const) {
      for (const path of DOCS_PATHS) {
        const res = await as(off, who, path);
        expectApiError(res, 404, ErrorCode.RouteNotFound);
        expect(res.body).toEqual(unknown);
      }
    }
  });

  it('admins: a signed-in admin gets them; anyone else an unknown endpoint (404, not 403)', async () => {
    const unknown = (await admins.http.get('/api/no-such-thing')).body;
    for (const path of DOCS_PATHS) {
      expect([path, (await as(admins, 'admin', path)).status]).toEqual([path, 200]);
      for (const who of ['anonymous', 'member', 'moderator'] as const) {
        const res = await as(admins, who, path);
        expectApiError(res, 404, ErrorCode.RouteNotFound);
        expect(res.body).toEqual(unknown);
      }
    }
    const spec = await as(admins, 'admin', '/api/openapi.json');
    expect(spec.body.openapi).toMatch(/^3\./);
    expect((await admins.http.head('/api/openapi.json')).status).toBe(404);
    expect((await admins.http.get('/api/openapi.json').set('Cookie', 'kindred_session=not-a-real-session-token-at-all')).status).toBe(404);
  });
});
