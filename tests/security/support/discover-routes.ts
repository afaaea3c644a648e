import type { FastifyInstance } from 'fastify';
import type { TestApp } from '../../support/test-app.js';

const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Fastify's own routing table (`printRoutes`), flattened to `METHOD /path` with `{param}`
 * placeholders. This sees every route, including ones a controller forgot to document.
 */
export function fastifyRoutes(fastify: FastifyInstance): string[] {
  const lines = fastify.printRoutes({ commonPrefix: false }).split('\n');
  const stack: string[] = [];
  const routes: string[] = [];
  for (const line of lines) {
    const marker = line.search(/[├└]── /);
    if (marker < 0) continue;
    const depth = marker / 4;
    const match = /^(.*?)(?: \(([A-Z, ]+)\))?$/.exec(line.slice(marker + 4))!;
    stack.length = depth;
    stack.push(match[1]!);
    const path = stack.join('').replace(/^\/\//, '/').replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    for (const method of (match[2] ?? '').split(', ')) {
      if (METHODS.has(method)) routes.push(`${method} ${path}`);
    }
  }
  return routes;
}

/**
 * Every REST route the running app serves under /api, from two sources: Fastify's routing
 * table and the OpenAPI document. Swagger UI's static files under /api/docs/ are left out;
 * its page and the OpenAPI JSON themselves are in the matrix.
 */
export async function discoverRestRoutes(t: TestApp): Promise<string[]> {
  const fastify = t.app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  const fromFastify = fastifyRoutes(fastify).filter((r) => {
    const path = r.split(' ')[1]!;
    return path.startsWith('/api') && !path.startsWith('/api/docs/');
  });
  const doc = (await t.http.get('/api/openapi.json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
  const fromOpenApi = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
  if (fromFastify.length < fromOpenApi.length) throw new Error(`could not read Fastify's routes (${fromFastify.length} found)`);
  return [...new Set([...fromFastify, ...fromOpenApi])].sort();
}
