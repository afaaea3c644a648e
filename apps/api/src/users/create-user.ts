import { HttpStatus } from '@nestjs/common';
import { ErrorCode, type Role } from '@kindred/contracts';
import { QueryFailedError, type EntityManager } from 'typeorm';
import { AppError } from '../common/errors/app-error.js';
import { hashPassword, weakPasswordError } from '../auth/password.js';
import { UserEntity } from './user.entity.js';

export interface NewUser {
  handle: string;
  password: string;
  email?: string | null;
  role: Role;
}

export const handleKeyOf = (handle: string) => handle.trim().toLowerCase();

/**
 * The single path that creates accounts (registration, first-admin setup, CLI), so the
 * password policy and handle uniqueness cannot be bypassed by one of them.
 */
export async function createUser(manager: EntityManager, input: NewUser): Promise<UserEntity> {
  const weak = await weakPasswordError(input.password, { handle: input.handle, email: input.email });
  if (weak) throw weak;
  const users = manager.getRepository(UserEntity);
  const user = users.create({
    handle: input.handle.trim(),
    handleKey: handleKeyOf(input.handle),
    passwordHash: await hashPassword(input.password),
    email: input.email?.trim() || null,
    role: input.role,
  });
  try {
    return await users.save(user);
  } catch (error) {
    if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505') {
      throw new AppError({
        status: HttpStatus.CONFLICT,
        code: ErrorCode.HandleTaken,
        message: 'That handle is already taken. Please choose another pseudonym.',
        details: [{ field: 'handle', code: 'handle.taken', problem: 'This handle is already taken.' }],
      });
    }
    throw error;
  }
}
