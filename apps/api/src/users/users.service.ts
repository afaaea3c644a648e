import { Injectable } from '@nestjs/common';
import type { Role } from '@kindred/contracts';
import type { EntityManager } from 'typeorm';
import { AppError } from '../common/errors/app-error.js';
import { DomainEvents } from '../common/events/domain-events.js';
import type { NewUser } from './create-user.js';
import type { UserEntity } from './user.entity.js';
import { UserRepository } from './user.repository.js';

@Injectable()
export class UsersService {
  constructor(
    private readonly users: UserRepository,
    private readonly events: DomainEvents,
  ) {}

  /** Pass a transaction's manager when more must be written with the account (recovery codes). */
  create(input: NewUser, manager?: EntityManager): Promise<UserEntity> {
    return this.users.create(input, manager);
  }

  findByHandle(handle: string): Promise<UserEntity | null> {
    return this.users.findByHandle(handle);
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.users.findById(id);
  }

  async getById(id: string): Promise<UserEntity> {
    const user = await this.users.findById(id);
    if (!user) throw AppError.notFound('No member with that id.', 'member');
    return user;
  }

  /** Keyset page ordered by handle, so admins can walk a large member list. */
  listPage(limit: number, afterHandleKey?: string, handlePrefix?: string): Promise<UserEntity[]> {
    return this.users.listPage(limit, afterHandleKey, handlePrefix);
  }

  async setRole(id: string, role: Role): Promise<UserEntity> {
    const user = await this.getById(id);
    user.role = role;
    const saved = await this.users.save(user);
    await this.events.announce('role.changed', { userId: id, role });
    return saved;
  }

  async setPasswordHash(id: string, passwordHash: string, changedAt: Date, manager?: EntityManager): Promise<void> {
    await this.users.setPasswordHash(id, passwordHash, changedAt, manager);
  }
}
