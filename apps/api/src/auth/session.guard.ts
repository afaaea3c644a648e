import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { PUBLIC_ROUTE } from '../access/access.decorators.js';
import { AppError } from '../common/errors/app-error.js';
import { SESSION_COOKIE } from './auth-context.js';
import { SessionService } from './session.service.js';

/** Authentication for every route: deny by default, @Public() opts out. */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const token = request.cookies?.[SESSION_COOKIE];
    if (token) request.auth = await this.sessions.resolve(token);
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [context.getHandler(), context.getClass()]);
    if (!isPublic && !request.auth) throw AppError.unauthenticated();
    return true;
  }
}
