import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { WarningPreference } from '@kindred/contracts';
import type { DataSource, EntityManager, Repository } from 'typeorm';
import { PreparedQueries } from '../database/prepared-queries.js';
import { BlockEntity } from './block.entity.js';
import { WarningPreferenceEntity } from './warning-preference.entity.js';

/** Every query on `blocks` and `warning_preferences`. */
@Injectable()
export class BlockRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly prepared: PreparedQueries,
  ) {}

  private get blocks(): Repository<BlockEntity> {
    return this.db.getRepository(BlockEntity);
  }

  /** Only differences from the default are stored, so "default" keeps its meaning. */
  async savePreferences(userId: string, changes: [WarningPreferenceEntity['category'], WarningPreference][], defaultPreference: WarningPreference): Promise<void> {
    await this.db.transaction(async (manager) => {
      for (const [category, preference] of changes) {
        if (preference === defaultPreference) await manager.delete(WarningPreferenceEntity, { userId, category });
        else await manager.upsert(WarningPreferenceEntity, { userId, category, preference }, ['userId', 'category']);
      }
    });
  }

  /**
   * What a viewer chose not to see, in one prepared statement: their warning preferences
   * (differences from the default) and whom they blocked. Read on every page a member opens.
   */
  async viewerChoices(userId: string): Promise<{ preferences: { category: WarningPreferenceEntity['category']; preference: WarningPreference }[]; blockedIds: string[] }> {
    const [row] = await this.prepared.query<{ preferences: { category: WarningPreferenceEntity['category']; preference: WarningPreference }[]; blocked_ids: string[] }>(
      `SELECT
         coalesce((SELECT json_agg(json_build_object('category', category, 'preference', preference)) FROM warning_preferences WHERE user_id = $1), '[]') AS preferences,
         array(SELECT blocked_id FROM blocks WHERE blocker_id = $1) AS blocked_ids`,
      [userId],
    );
    return { preferences: row!.preferences, blockedIds: row!.blocked_ids };
  }

  /** Has `blockerId` blocked `userId`? */
  isBlockedBy(userId: string, blockerId: string): Promise<boolean> {
    return this.blocks.exists({ where: { blockerId, blockedId: userId } });
  }

  /** Of these members, the ones who blocked `userId`. */
  async blockersAmong(userId: string, candidates: string[]): Promise<Set<string>> {
    if (candidates.length === 0) return new Set();
    const rows: { blocker_id: string }[] = await this.db.query('SELECT blocker_id FROM blocks WHERE blocked_id = $1 AND blocker_id = ANY($2::uuid[])', [userId, candidates]);
    return new Set(rows.map((r) => r.blocker_id));
  }

  /** Of these members, the ones `userId` blocked or who blocked `userId`: no contact either way. */
  async blockedEitherWayAmong(userId: string, candidates: readonly string[]): Promise<Set<string>> {
    if (candidates.length === 0) return new Set();
    const rows: { other: string }[] = await this.db.query(
      `SELECT blocker_id AS other FROM blocks WHERE blocked_id = $1 AND blocker_id = ANY($2::uuid[])
       UNION SELECT blocked_id FROM blocks WHERE blocker_id = $1 AND blocked_id = ANY($2::uuid[])`,
      [userId, candidates],
    );
    return new Set(rows.map((r) => r.other));
  }

  /** Everyone who blocked `userId`, prepared: asked for every chat message (then kept, see SafetyService). */
  async blockersOf(userId: string): Promise<string[]> {
    const rows = await this.prepared.query<{ blocker_id: string }>('SELECT blocker_id FROM blocks WHERE blocked_id = $1', [userId]);
    return rows.map((r) => r.blocker_id);
  }

  /** Everyone who hides this content-warning category. */
  async hidingCategory(category: string): Promise<string[]> {
    const rows = await this.prepared.query<{ user_id: string }>(`SELECT user_id FROM warning_preferences WHERE preference = 'hide' AND category = $1`, [category]);
    return rows.map((r) => r.user_id);
  }

  /** The member's blocks, newest first. */
  list(blockerId: string): Promise<{ blocked_id: string; created_at: Date }[]> {
    return this.db.query('SELECT b.blocked_id, b.created_at FROM blocks b WHERE b.blocker_id = $1 ORDER BY b.created_at DESC', [blockerId]);
  }

  /** Blocks (idempotent) and returns when the block began. */
  async add(blockerId: string, blockedId: string): Promise<Date> {
    await this.blocks.createQueryBuilder().insert().values({ blockerId, blockedId }).orIgnore().execute();
    return (await this.blocks.findOneByOrFail({ blockerId, blockedId })).createdAt;
  }

  async remove(blockerId: string, blockedId: string): Promise<void> {
    await this.blocks.delete({ blockerId, blockedId });
  }

  /** For the member's data export: their preferences and their blocks in the order stored. */
  async exportFor(userId: string): Promise<{ preferences: unknown[]; blocks: { blocked_id: string; created_at: Date }[] }> {
    const [preferences, blocks] = await Promise.all([
      this.db.query('SELECT category, preference FROM warning_preferences WHERE user_id = $1', [userId]) as Promise<unknown[]>,
      this.db.query('SELECT b.blocked_id, b.created_at FROM blocks b WHERE b.blocker_id = $1', [userId]) as Promise<{ blocked_id: string; created_at: Date }[]>,
    ]);
    return { preferences, blocks };
  }

  /** Account deletion: preferences go, and blocks either way. */
  async forgetUser(userId: string, manager: EntityManager): Promise<void> {
    await manager.query('DELETE FROM warning_preferences WHERE user_id = $1', [userId]);
    await manager.query('DELETE FROM blocks WHERE blocker_id = $1 OR blocked_id = $1', [userId]);
  }
}
