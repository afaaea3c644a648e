import { fastifyCookie } from '@fastify/cookie';
import { ErrorCode, type Role } from '@kindred/contracts';
import type { ExtendedError } from 'socket.io';
import { SESSION_COOKIE } from '../auth/auth-context.js';
import type { SessionService } from '../auth/session.service.js';
import type { AppConfig } from '../config/app-config.js';
import { channel, type ChatSocket } from './socket-context.js';

function refuse(code: ErrorCode, message: string): ExtendedError {
  const error = new Error(message) as ExtendedError;
  error.data = { code, message };
  return error;
}

/** A cross-site page must not open a socket with a member's cookie (WebSocket hijacking). */
function originAllowed(origin: string | undefined, host: string | undefined, config: AppConfig): boolean {
  if (!origin) return true;
  const allowed = [config.publicOrigin, ...config.allowedOrigins].map((o) => o.toLowerCase());
  if (allowed.includes(origin.toLowerCase())) return true;
  try {
    return new URL(origin).host.toLowerCase() === (host ?? '').toLowerCase();
  } catch {
    return false;
  }
}

/**
 * Handshake authentication with the same server-side session cookie as REST. Refused
 * connections get a clear error code in `connect_error` (err.data.code).
 */
export function socketAuthMiddleware(sessions: SessionService, config: AppConfig, moderatedRooms: (userId: string, role: Role) => Promise<readonly string[] | null>) {
  return async (socket: ChatSocket, next: (error?: ExtendedError) => void) => {
    try {
      const headers = socket.handshake.headers;
      if (!originAllowed(headers.origin, headers.host, config)) {
        return next(refuse(ErrorCode.CrossOriginRejected, 'Connections from other sites are refused.'));
      }
      const token = headers.cookie ? fastifyCookie.parse(headers.cookie)[SESSION_COOKIE] : undefined;
      const auth = token ? await sessions.resolveHandshake(token) : undefined;
      if (!auth) return next(refuse(ErrorCode.Unauthenticated, 'Please sign in to join live chat.'));
      socket.data = {
        userId: auth.user.id,
        handle: auth.user.handle,
        role: auth.user.role,
        sessionId: auth.session.id,
        showPresence: auth.user.showPresence,
        showTyping: auth.user.showTyping,
        validatedAt: Date.now(),
      };
      // Moderators hear about their queue live: room moderators per room, staff everywhere.
      const rooms = await moderatedRooms(auth.user.id, auth.user.role);
      const moderatorChannels = rooms === null ? [channel.globalModerators] : rooms.map(channel.moderators);
      await socket.join([channel.user(auth.user.id), channel.session(auth.session.id), ...moderatorChannels]);
      return next();
    } catch {
      return next(refuse(ErrorCode.ServiceUnavailable, 'Live chat is briefly unavailable. Trying again…'));
    }
  };
}
