import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Not, Repository, type EntityManager } from 'typeorm';
import { TotpCredentialEntity } from './totp-credential.entity.js';

/** Every query on `totp_credentials`. */
@Injectable()
export class TotpCredentialRepository {
  constructor(@InjectRepository(TotpCredentialEntity) private readonly rows: Repository<TotpCredentialEntity>) {}

  find(userId: string): Promise<TotpCredentialEntity | null> {
    return this.rows.findOne({ where: { userId } });
  }

  isEnabled(userId: string): Promise<boolean> {
    return this.rows.exists({ where: { userId, confirmedAt: Not(IsNull()) } });
  }

  /** Starts (or restarts) setting up; never touches a confirmed credential. */
  async saveUnconfirmed(userId: string, secretEncrypted: string): Promise<void> {
    await this.rows.delete({ userId, confirmedAt: IsNull() });
    await this.rows.insert({ userId, secretEncrypted, confirmedAt: null, lastUsedStep: null });
  }

  async confirm(userId: string, step: number, at: Date): Promise<boolean> {
    const result = await this.rows.update({ userId, confirmedAt: IsNull() }, { confirmedAt: at, lastUsedStep: String(step) });
    return (result.affected ?? 0) > 0;
  }

  /** Accepts a time step once: atomic, so two requests with the same code cannot both pass. */
  async useStep(userId: string, step: number, manager?: EntityManager): Promise<boolean> {
    const result = await (manager?.getRepository(TotpCredentialEntity) ?? this.rows)
      .createQueryBuilder()
      .update()
      .set({ lastUsedStep: String(step) })
      .where('user_id = :userId AND confirmed_at IS NOT NULL AND (last_used_step IS NULL OR last_used_step < :step)', { userId, step })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  async remove(userId: string): Promise<void> {
    await this.rows.delete({ userId });
  }

  async deleteForUser(userId: string, manager: EntityManager): Promise<void> {
    await manager.getRepository(TotpCredentialEntity).delete({ userId });
  }
}
