import type { LoginResponse } from '@kindred/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from '../config/app-config.js';
import type { PendingTwoStep, SignedIn } from './auth.service.js';
import { CurrentUserDto } from './dto/current-user.dto.js';
import { setPendingLoginCookie } from './pending-login.js';
import { setSessionCookie } from './session-cookie.js';

/** Sign-in and forgot-password answer alike: a session, or the pending cookie and "second step, please". */
export function answerSignIn(reply: FastifyReply, request: FastifyRequest, config: AppConfig, result: SignedIn | PendingTwoStep): LoginResponse {
  if ('pendingToken' in result) {
    setPendingLoginCookie(reply, request, config, result.pendingToken);
    return { twoStepRequired: true };
  }
  setSessionCookie(reply, request, config, result.token);
  return CurrentUserDto.from(result.user);
}
