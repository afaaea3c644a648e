import type { FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from './auth-context.js';
import type { ClientInfo } from './auth.service.js';
import { deviceLabel } from './device-label.js';

export function clientInfo(request: FastifyRequest): ClientInfo {
  return { ip: request.ip, device: deviceLabel(request.headers['user-agent']), previousToken: request.cookies?.[SESSION_COOKIE] };
}
