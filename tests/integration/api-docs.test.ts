import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
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
