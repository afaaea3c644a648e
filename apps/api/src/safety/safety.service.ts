import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { WarningPreference, type BlockedMember, type WarningPreferences } from '@kindred/contracts';
import { Repository } from 'typeorm';
import { AppError } from '../common/errors/app-error.js';
import { UsersService } from '../users/users.service.js';
import { BlockEntity } from './block.entity.js';
import { defaultPreferences, ViewerFilter } from './viewer-filter.js';
import { WarningPreferenceEntity } from './warning-preference.entity.js';

/** Content-warning preferences and blocks: the member's own controls over what reaches them. */
@Injectable()
export class SafetyService {
  constructor(
    @InjectRepository(WarningPreferenceEntity) private readonly preferences: Repository<WarningPreferenceEntity>,
    @InjectRepository(BlockEntity) private readonly blocks: Repository<BlockEntity>,
    private readonly users: UsersService,
  ) {}

  async viewerFilter(userId: string | undefined): Promise<ViewerFilter> {
    if (!userId) return ViewerFilter.defaults();
    const [preferences, blocked] = await Promise.all([this.getPreferences(userId), this.blockedIds(userId)]);
    return new ViewerFilter(preferences, blocked, userId);
  }

  async getPreferences(userId: string): Promise<WarningPreferences> {
    const rows = await this.preferences.find({ where: { userId } });
    const result = defaultPreferences();
    for (const row of rows) result[row.category] = row.preference;
    return result;
  }

  async updatePreferences(userId: string, changes: Partial<WarningPreferences>): Promise<WarningPreferences> {
    await this.preferences.manager.transaction(async (manager) => {
      for (const [category, preference] of Object.entries(changes) as [keyof WarningPreferences, WarningPreference][]) {
        // The default needs no row; storing only differences keeps "default" meaningful.
        if (preference === WarningPreference.Warn) await manager.delete(WarningPreferenceEntity, { userId, category });
        else await manager.upsert(WarningPreferenceEntity, { userId, category, preference }, ['userId', 'category']);
      }
    });
    return this.getPreferences(userId);
  }

  private async blockedIds(userId: string): Promise<string[]> {
    const rows = await this.blocks.find({ where: { blockerId: userId }, select: { blockedId: true } });
    return rows.map((r) => r.blockedId);
  }

  /** Has `blockerId` blocked `userId`? Used to drop mentions and replies silently. */
  async isBlockedBy(userId: string, blockerId: string): Promise<boolean> {
    return this.blocks.exists({ where: { blockerId, blockedId: userId } });
  }

  /** Of these members, the ones who blocked `userId`. */
  async blockersAmong(userId: string, candidates: string[]): Promise<Set<string>> {
    if (candidates.length === 0) return new Set();
    const rows: { blocker_id: string }[] = await this.blocks.query(
      'SELECT blocker_id FROM blocks WHERE blocked_id = $1 AND blocker_id = ANY($2::uuid[])',
      [userId, candidates],
    );
    return new Set(rows.map((r) => r.blocker_id));
  }

  async listBlocks(userId: string): Promise<BlockedMember[]> {
    const rows: { id: string; handle: string; created_at: Date }[] = await this.blocks.query(
      `SELECT u.id, u.handle, b.created_at FROM blocks b JOIN users u ON u.id = b.blocked_id
       WHERE b.blocker_id = $1 ORDER BY b.created_at DESC`,
      [userId],
    );
    return rows.map((r) => ({ id: r.id, handle: r.handle, blockedAt: r.created_at.toISOString() }));
  }

  async block(userId: string, handle: string): Promise<BlockedMember> {
    const target = await this.users.findByHandle(handle);
    if (!target) throw AppError.notFound('No member with that handle.');
    if (target.id === userId) throw AppError.validation('You cannot block yourself.', [{ field: 'handle', problem: 'This is your own handle.' }]);
    await this.blocks.createQueryBuilder().insert().values({ blockerId: userId, blockedId: target.id }).orIgnore().execute();
    const row = await this.blocks.findOneByOrFail({ blockerId: userId, blockedId: target.id });
    return { id: target.id, handle: target.handle, blockedAt: row.createdAt.toISOString() };
  }

  async unblock(userId: string, blockedId: string): Promise<void> {
    await this.blocks.delete({ blockerId: userId, blockedId });
  }
}
