import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { AccessService } from './access.service.js';
import { REQUIRED_ACTION } from './access.decorators.js';
import type { Action } from './actions.js';

/** Runs after the session guard; asks the gate about routes marked with @RequireAccess. */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly access: AccessService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const action = this.reflector.getAllAndOverride<Action | undefined>(REQUIRED_ACTION, [context.getHandler(), context.getClass()]);
    if (!action) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    await this.access.require({ user: request.auth?.user, action });
    return true;
  }
}
