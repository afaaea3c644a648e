import { ErrorCode } from '@kindred/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF defence in depth on top of SameSite=Lax cookies: a state-changing request that
 * carries an Origin header must come from our own origin (or an explicitly allowed one).
 * Requests without Origin (curl, server-to-server, same-origin GET navigations) pass.
 */
export function registerOriginCheck(fastify: FastifyInstance, publicOrigin: string, allowedOrigins: string[]): void {
  const allowed = new Set([publicOrigin, ...allowedOrigins].map((o) => o.toLowerCase()));

  fastify.addHook('onRequest', async (request, reply) => {
    if (SAFE_METHODS.has(request.method) || !request.url.startsWith('/api')) return;
    const origin = request.headers.origin;
    if (origin === undefined) return;
    if (isSameOrigin(request, origin) || allowed.has(origin.toLowerCase())) return;
    await reply.status(403).type('application/json; charset=utf-8').send({
      statusCode: 403,
      code: ErrorCode.CrossOriginRejected,
      message: 'This request came from another site and was refused.',
    });
  });
}

function isSameOrigin(request: FastifyRequest, origin: string): boolean {
  try {
    const url = new URL(origin);
    return url.host.toLowerCase() === String(request.headers.host ?? '').toLowerCase() && url.protocol === `${request.protocol}:`;
  } catch {
    return false;
  }
}
