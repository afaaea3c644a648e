import helmet from 'helmet';
import type { FastifyInstance } from 'fastify';

/**
 * Strict CSP: everything comes from our own origin. The web app has no inline scripts or
 * styles, loads no fonts or scripts from elsewhere, and can only talk back to us.
 */
const appDirectives = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  mediaSrc: ["'none'"],
  objectSrc: ["'none'"],
  frameSrc: ["'none'"],
  workerSrc: ["'self'"],
  manifestSrc: ["'self'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  upgradeInsecureRequests: null,
};

/** Swagger UI ships inline styles; it gets a slightly looser policy on its own path only. */
const docsDirectives = { ...appDirectives, styleSrc: ["'self'", "'unsafe-inline'"], imgSrc: ["'self'", 'data:'] };

const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * `httpsOrigin`: PUBLIC_ORIGIN is https, so every answer says to stay on TLS. Otherwise HSTS
 * follows each request's protocol, which honours X-Forwarded-Proto only from a trusted
 * proxy (TRUST_PROXY): a TLS proxy in front gets it, a spoofed header on plain http does not.
 */
export function registerSecurityHeaders(fastify: FastifyInstance, httpsOrigin: boolean): void {
  // Built once: the Fastify plugin rebuilt helmet from its options on every request (a share
  // of every answer's CPU time in `npm run bench -- --profile`); the headers never change.
  const helmetHeaders = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: appDirectives },
    crossOriginEmbedderPolicy: false,
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: false,
    xFrameOptions: { action: 'deny' },
  });
  fastify.addHook('onRequest', (request, reply, done) => helmetHeaders(request.raw, reply.raw, (error) => done(error as Error | undefined)));

  fastify.addHook('onSend', async (request, reply) => {
    if (httpsOrigin || request.protocol === 'https') void reply.header('Strict-Transport-Security', HSTS);
    const path = request.url;
    if (path.startsWith('/api/docs')) {
      void reply.header('Content-Security-Policy', buildCsp(docsDirectives));
    }
    // Nothing from the API is cached: a shared device must not keep someone's words.
    if (path.startsWith('/api')) {
      void reply.header('Cache-Control', 'no-store');
      void reply.header('Pragma', 'no-cache');
    }
    void reply.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), interest-cohort=()');
  });
}

function buildCsp(directives: Record<string, string[] | null>): string {
  return Object.entries(directives)
    .filter((entry): entry is [string, string[]] => entry[1] !== null)
    .map(([name, values]) => `${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} ${values.join(' ')}`)
    .join('; ');
}
