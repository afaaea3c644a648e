import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository, type EntityManager } from 'typeorm';
import { RecoveryCodeEntity } from './recovery-code.entity.js';

/** Every query on `recovery_codes`. Methods take the caller's transaction when there is one. */
@Injectable()
export class RecoveryCodeRepository {
  constructor(@InjectRepository(RecoveryCodeEntity) private readonly codes: Repository<RecoveryCodeEntity>) {}

  private repo(manager?: EntityManager): Repository<RecoveryCodeEntity> {
    return manager ? manager.getRepository(RecoveryCodeEntity) : this.codes;
  }

  /** Replaces the member's whole set: the old codes stop working in the same step. */
  async replaceAll(userId: string, codeHashes: string[], manager?: EntityManager): Promise<void> {
    const repo = this.repo(manager);
    await repo.delete({ userId });
    await repo.insert(codeHashes.map((codeHash) => ({ userId, codeHash })));
  }

  /** Marks one unused code used; false when it does not exist or was used already (atomic). */
  async consume(userId: string, codeHash: string, usedAt: Date, manager?: EntityManager): Promise<boolean> {
    const result = await this.repo(manager).update({ userId, codeHash, usedAt: IsNull() }, { usedAt });
    return (result.affected ?? 0) > 0;
  }

  countUnused(userId: string): Promise<number> {
    return this.codes.count({ where: { userId, usedAt: IsNull() } });
  }

  async deleteForUser(userId: string, manager: EntityManager): Promise<void> {
    await this.repo(manager).delete({ userId });
  }
}
