import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, type EntityManager, type Repository } from 'typeorm';
import { SiteInviteEntity } from './site-invite.entity.js';

/** Owner of `site_invites`. */
@Injectable()
export class SiteInviteRepository {
  constructor(@InjectRepository(SiteInviteEntity) private readonly invites: Repository<SiteInviteEntity>) {}

  create(invite: Pick<SiteInviteEntity, 'codeHash' | 'createdBy' | 'expiresAt' | 'maxUses'>): Promise<SiteInviteEntity> {
    return this.invites.save(this.invites.create(invite));
  }

  list(limit: number): Promise<SiteInviteEntity[]> {
    return this.invites.find({ order: { createdAt: 'DESC' }, take: limit });
  }

  /** Invites the member made, for their export (never the code's hash). */
  exportFor(userId: string): Promise<Pick<SiteInviteEntity, 'createdAt' | 'expiresAt' | 'maxUses' | 'uses' | 'revokedAt'>[]> {
    return this.invites.find({ where: { createdBy: userId }, select: { createdAt: true, expiresAt: true, maxUses: true, uses: true, revokedAt: true }, order: { createdAt: 'ASC' } });
  }

  async revoke(id: string, at: Date): Promise<boolean> {
    const result = await this.invites.update({ id, revokedAt: IsNull() }, { revokedAt: at });
    return !!result.affected;
  }

  /**
   * Uses the code once, if it is live and has uses left. One conditional UPDATE: concurrent
   * registrations queue on the row and each re-checks `uses < max_uses`, so they never exceed it.
   */
  async claim(codeHash: string, now: Date, manager: EntityManager): Promise<boolean> {
    const result = await manager
      .getRepository(SiteInviteEntity)
      .createQueryBuilder()
      .update()
      .set({ uses: () => 'uses + 1' })
      .where('code_hash = :codeHash AND revoked_at IS NULL AND expires_at > :now AND uses < max_uses', { codeHash, now })
      .execute();
    return !!result.affected;
  }
}
