import { Injectable } from '@nestjs/common';
import type { Role } from '@kindred/contracts';
import { AppError } from '../common/errors/app-error.js';
import { MINIMUM_ROLE, roleAtLeast, type Action } from './actions.js';

export interface Actor {
  id: string;
  role: Role;
}

export interface AccessRequest {
  user: Actor | undefined;
  action: Action;
  roomId?: string;
}

/** The one authorization gate. Every decision about who may do what is made here. */
@Injectable()
export class AccessService {
  async require(request: AccessRequest): Promise<Actor> {
    const { user, action } = request;
    if (!user) throw AppError.unauthenticated();
    if (!roleAtLeast(user.role, MINIMUM_ROLE[action])) throw AppError.forbidden();
    return user;
  }
}
