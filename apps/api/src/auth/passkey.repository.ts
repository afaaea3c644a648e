import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, type EntityManager } from 'typeorm';
import { PasskeyEntity } from './passkey.entity.js';

export type NewPasskey = Pick<PasskeyEntity, 'userId' | 'credentialId' | 'publicKey' | 'counter' | 'transports' | 'webauthnUserId' | 'name' | 'backedUp'>;

/** Every query on `passkeys`. */
@Injectable()
export class PasskeyRepository {
  constructor(@InjectRepository(PasskeyEntity) private readonly rows: Repository<PasskeyEntity>) {}

  listFor(userId: string): Promise<PasskeyEntity[]> {
    return this.rows.find({ where: { userId }, order: { createdAt: 'ASC' } });
  }

  countFor(userId: string): Promise<number> {
    return this.rows.count({ where: { userId } });
  }

  findByCredentialId(credentialId: string): Promise<PasskeyEntity | null> {
    return this.rows.findOne({ where: { credentialId } });
  }

  async add(passkey: NewPasskey): Promise<PasskeyEntity> {
    return this.rows.save(this.rows.create({ ...passkey, lastUsedAt: null }));
  }

  /**
   * Records a sign-in with the authenticator's new counter, only if it moved forward (or the
   * authenticator keeps none: 0 then and before). Atomic, so two answers cannot both pass.
   */
  async recordUse(id: string, newCounter: number, at: Date): Promise<boolean> {
    const result = await this.rows
      .createQueryBuilder()
      .update()
      .set({ counter: String(newCounter), lastUsedAt: at })
      .where('id = :id AND (counter < :newCounter OR (counter = 0 AND :newCounter = 0))', { id, newCounter })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  async removeOwned(userId: string, id: string): Promise<boolean> {
    const result = await this.rows.delete({ id, userId });
    return (result.affected ?? 0) > 0;
  }

  async deleteForUser(userId: string, manager: EntityManager): Promise<void> {
    await manager.getRepository(PasskeyEntity).delete({ userId });
  }
}
