import { LoginFailureEntity } from '../auth/login-failure.entity.js';
import { SessionEntity } from '../auth/session.entity.js';
import { RoomEntity } from '../rooms/room.entity.js';
import { UserEntity } from '../users/user.entity.js';
import { AppStateEntity } from './app-state.entity.js';

/** Listed explicitly (no globs) so the same list works compiled, under Jest, and in the CLI. */
export const ENTITIES = [UserEntity, SessionEntity, LoginFailureEntity, AppStateEntity, RoomEntity];
