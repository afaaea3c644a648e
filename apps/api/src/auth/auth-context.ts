import type { SessionEntity } from './session.entity.js';
import type { UserEntity } from '../users/user.entity.js';

export interface AuthContext {
  user: UserEntity;
  session: SessionEntity;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the session guard when a valid session cookie came with the request. */
    auth?: AuthContext;
  }
}

export const SESSION_COOKIE = 'kindred_session';
