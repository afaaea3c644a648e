import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from '../config/app-config.js';
import { CEREMONY_MS } from './auth-ceremonies.service.js';
import { isSecure } from './session-cookie.js';

/**
 * Between the password and the second step: a random token whose server-side record
 * (`auth_ceremonies`, kind `pending-login`) is used up by a successful second step and ends
 * after five minutes. httpOnly, only sent to the auth routes.
 */
export const PENDING_LOGIN_COOKIE = 'kindred_pending';
const PATH = '/api/auth';

export function setPendingLoginCookie(reply: FastifyReply, request: FastifyRequest, config: AppConfig, token: string): void {
  void reply.setCookie(PENDING_LOGIN_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure: isSecure(request, config), path: PATH, maxAge: CEREMONY_MS / 1000 });
}

export function clearPendingLoginCookie(reply: FastifyReply, request: FastifyRequest, config: AppConfig): void {
  void reply.clearCookie(PENDING_LOGIN_COOKIE, { httpOnly: true, sameSite: 'strict', secure: isSecure(request, config), path: PATH });
}

/** A passkey sign-in's challenge is bound to this browser by its own cookie, only sent to the passkey sign-in routes. */
export const PASSKEY_SIGN_IN_COOKIE = 'kindred_passkey';
const PASSKEY_PATH = '/api/auth/login/passkey';

export function setPasskeySignInCookie(reply: FastifyReply, request: FastifyRequest, config: AppConfig, token: string): void {
  void reply.setCookie(PASSKEY_SIGN_IN_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure: isSecure(request, config), path: PASSKEY_PATH, maxAge: CEREMONY_MS / 1000 });
}

export function clearPasskeySignInCookie(reply: FastifyReply, request: FastifyRequest, config: AppConfig): void {
  void reply.clearCookie(PASSKEY_SIGN_IN_COOKIE, { httpOnly: true, sameSite: 'strict', secure: isSecure(request, config), path: PASSKEY_PATH });
}
