import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Role } from '@kindred/contracts';
import { MoreThan, Repository } from 'typeorm';
import { AppError } from '../common/errors/app-error.js';
import { createUser, handleKeyOf, type NewUser } from './create-user.js';
import { UserEntity } from './user.entity.js';

@Injectable()
export class UsersService {
  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  create(input: NewUser): Promise<UserEntity> {
    return createUser(this.users.manager, input);
  }

  findByHandle(handle: string): Promise<UserEntity | null> {
    return this.users.findOne({ where: { handleKey: handleKeyOf(handle) } });
  }

  async getById(id: string): Promise<UserEntity> {
    const user = await this.users.findOne({ where: { id } });
    if (!user) throw AppError.notFound('No member with that id.');
    return user;
  }

  /** Keyset page ordered by handle, so admins can walk a large member list. */
  listPage(limit: number, afterHandleKey?: string): Promise<UserEntity[]> {
    return this.users.find({
      where: afterHandleKey ? { handleKey: MoreThan(afterHandleKey) } : {},
      order: { handleKey: 'ASC' },
      take: limit,
    });
  }

  async setRole(id: string, role: Role): Promise<UserEntity> {
    const user = await this.getById(id);
    user.role = role;
    return this.users.save(user);
  }

  async setPasswordHash(id: string, passwordHash: string, changedAt: Date): Promise<void> {
    await this.users.update({ id }, { passwordHash, passwordChangedAt: changedAt });
  }
}
