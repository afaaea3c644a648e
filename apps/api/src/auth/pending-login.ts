import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from '../config/app-config.js';
import { isSecure } from './session-cookie.js';

/** Between the password and the second step: httpOnly, only sent to the auth routes, 5 minutes. */
export const PENDING_LOGIN_COOKIE = 'kindred_pending';
export const PENDING_LOGIN_MS = 5 * 60_000;
const PATH = '/api/auth';

const mac = (secret: string, payload: string) => createHmac('sha256', secret).update(`pending-login:${payload}`).digest('base64url');

/** A signed "this member passed the password step until …" token; no server state needed. */
export function signPendingLogin(secret: string, userId: string, expiresAt: number): string {
  const payload = `${userId}.${expiresAt}`;
  return `${payload}.${mac(secret, payload)}`;
}

/** The member id, or undefined when the token is forged, malformed or expired. */
export function verifyPendingLogin(secret: string, token: string | undefined, now: number): string | undefined {
  const [userId, expiresAt, signature] = (token ?? '').split('.');
  if (!userId || !expiresAt || !signature) return undefined;
  const expected = Buffer.from(mac(secret, `${userId}.${expiresAt}`));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  return Number(expiresAt) > now ? userId : undefined;
}

export function setPendingLoginCookie(reply: FastifyReply, request: FastifyRequest, config: AppConfig, token: string): void {
  void reply.setCookie(PENDING_LOGIN_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure: isSecure(request, config), path: PATH, maxAge: PENDING_LOGIN_MS / 1000 });
}

export function clearPendingLoginCookie(reply: FastifyReply, request: FastifyRequest, config: AppConfig): void {
  void reply.clearCookie(PENDING_LOGIN_COOKIE, { httpOnly: true, sameSite: 'strict', secure: isSecure(request, config), path: PATH });
}
