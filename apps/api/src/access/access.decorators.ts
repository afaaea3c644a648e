import { SetMetadata } from '@nestjs/common';
import type { Action } from './actions.js';

export const PUBLIC_ROUTE = 'kindred:public';
export const REQUIRED_ACTION = 'kindred:action';

/** Reachable without signing in (health, register, login, docs). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** The access gate must allow this action before the handler runs. */
export const RequireAccess = (action: Action) => SetMetadata(REQUIRED_ACTION, action);
