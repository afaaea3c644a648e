import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager, Repository } from 'typeorm';
import { AppStateEntity } from './app-state.entity.js';

/** Small named values the application keeps for itself (setup token, seed marker). */
@Injectable()
export class AppStateRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private repo(manager: EntityManager = this.db.manager): Repository<AppStateEntity> {
    return manager.getRepository(AppStateEntity);
  }

  async put(key: string, value: Record<string, unknown>): Promise<void> {
    await this.repo().upsert({ key, value }, ['key']);
  }

  /** Stores the value unless the key exists; true when this call stored it. */
  async putIfAbsent(key: string, value: Record<string, unknown>, manager: EntityManager): Promise<boolean> {
    const inserted = await manager.createQueryBuilder().insert().into(AppStateEntity).values({ key, value }).orIgnore().execute();
    return (inserted.raw as unknown[]).length > 0;
  }

  /** The value, with the row locked until the transaction ends. */
  async getForUpdate(key: string, manager: EntityManager): Promise<Record<string, unknown> | undefined> {
    const row = await this.repo(manager).createQueryBuilder('s').setLock('pessimistic_write').where('s.key = :key', { key }).getOne();
    return row?.value as Record<string, unknown> | undefined;
  }

  async delete(key: string, manager?: EntityManager): Promise<void> {
    await this.repo(manager).delete({ key });
  }
}
