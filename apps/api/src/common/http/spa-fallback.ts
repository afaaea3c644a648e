import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';

let webRoot: string | undefined;

/** Called once at start-up with the built web app's folder (or undefined when not built). */
export function configureSpaFallback(root: string | undefined): void {
  webRoot = root && existsSync(join(root, 'index.html')) ? root : undefined;
}

/**
 * Client-side routes such as /rooms/grounding have no file on disk; the browser gets the
 * app shell and the router takes over. API and socket paths keep their JSON 404.
 */
export function serveSpaFallback(request: FastifyRequest, reply: FastifyReply): boolean {
  if (!webRoot || (request.method !== 'GET' && request.method !== 'HEAD')) return false;
  const path = request.url.split('?')[0] ?? '/';
  if (path.startsWith('/api') || path.startsWith('/socket.io')) return false;
  // A missing asset (with an extension) should stay a 404 rather than return HTML.
  if (/\.[a-z0-9]+$/i.test(path)) return false;
  void reply.header('Cache-Control', 'no-cache').sendFile('index.html', webRoot);
  return true;
}
