import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThan, Repository, type EntityManager } from 'typeorm';
import { AuthCeremonyEntity, type CeremonyKind } from './auth-ceremony.entity.js';

export interface CeremonyStart {
  kind: CeremonyKind;
  tokenHash: string;
  userId: string | null;
  challenge: string | null;
  expiresAt: Date;
}

/** Every query on `auth_ceremonies`. */
@Injectable()
export class AuthCeremonyRepository {
  constructor(@InjectRepository(AuthCeremonyEntity) private readonly rows: Repository<AuthCeremonyEntity>) {}

  /** Starts a ceremony, replacing one with the same token (a restarted one), and prunes expired ones. */
  async start(ceremony: CeremonyStart, now: Date): Promise<void> {
    await this.rows.delete({ expiresAt: LessThan(now) });
    await this.rows.upsert(ceremony, { conflictPaths: ['tokenHash'] });
  }

  /** The live ceremony for a token, without using it up. */
  find(kind: CeremonyKind, tokenHash: string, now: Date): Promise<AuthCeremonyEntity | null> {
    return this.rows
      .createQueryBuilder('c')
      .where('c.kind = :kind AND c.token_hash = :tokenHash AND c.expires_at > :now', { kind, tokenHash, now })
      .getOne();
  }

  /**
   * Uses the ceremony up: deleted and returned in one statement, so of two requests with the
   * same token only one gets it. Undefined when it is unknown, used or expired.
   */
  async take(kind: CeremonyKind, tokenHash: string, now: Date, manager?: EntityManager): Promise<AuthCeremonyEntity | undefined> {
    const result = await (manager?.getRepository(AuthCeremonyEntity) ?? this.rows)
      .createQueryBuilder()
      .delete()
      .where('kind = :kind AND token_hash = :tokenHash', { kind, tokenHash })
      .returning(['id', 'userId', 'challenge', 'expiresAt'])
      .execute();
    const row = (result.raw as { id: string; user_id: string | null; challenge: string | null; expires_at: Date }[])[0];
    if (!row || row.expires_at <= now) return undefined;
    return Object.assign(new AuthCeremonyEntity(), { id: row.id, kind, tokenHash, userId: row.user_id, challenge: row.challenge, expiresAt: row.expires_at });
  }

  /** A member's ceremonies end with the account (the foreign key cascades too; this keeps deletion explicit). */
  async deleteForUser(userId: string, manager: EntityManager): Promise<void> {
    await manager.getRepository(AuthCeremonyEntity).delete({ userId });
  }
}
