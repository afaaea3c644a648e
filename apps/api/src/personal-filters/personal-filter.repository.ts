import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PersonalFilterMode } from '@kindred/contracts';
import type { DataSource, EntityManager, Repository } from 'typeorm';
import { PreparedQueries } from '../database/prepared-queries.js';
import { PersonalFilterEntity } from './personal-filter.entity.js';

export interface PersonalFilterFields {
  phrase: string;
  words: string;
  mode: PersonalFilterMode;
  wholeWord: boolean;
  label: string | null;
  sqlPattern: string;
  fixedPart: string;
}

/** Every query on `personal_filters`. */
@Injectable()
export class PersonalFilterRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly prepared: PreparedQueries,
  ) {}

  private get filters(): Repository<PersonalFilterEntity> {
    return this.db.getRepository(PersonalFilterEntity);
  }

  /** The member's filters, oldest first (the order they wrote them). */
  list(userId: string): Promise<PersonalFilterEntity[]> {
    return this.filters.find({ where: { userId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** What the matcher needs, read when a member's viewer context is built (not on every page). */
  async forMatcher(userId: string): Promise<{ phrase: string; mode: PersonalFilterMode; whole_word: boolean; label: string | null }[]> {
    return this.prepared.query('SELECT phrase, mode, whole_word, label FROM personal_filters WHERE user_id = $1', [userId]);
  }

  find(userId: string, id: string): Promise<PersonalFilterEntity | null> {
    return this.filters.findOneBy({ userId, id });
  }

  /**
   * Adds a filter unless the member already holds `max`: the count and the insert run under a
   * per-member advisory lock, so two quick adds cannot both be the 200th.
   */
  async addWithin(userId: string, fields: PersonalFilterFields, max: number): Promise<PersonalFilterEntity | 'full'> {
    return this.db.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('personal_filters:' || $1))`, [userId]);
      const held = await manager.countBy(PersonalFilterEntity, { userId });
      if (held >= max) return 'full';
      return manager.save(manager.create(PersonalFilterEntity, { userId, ...fields }));
    });
  }

  async update(userId: string, id: string, fields: PersonalFilterFields): Promise<void> {
    await this.filters.update({ userId, id }, fields);
  }

  /** True when a filter was removed. */
  async remove(userId: string, id: string): Promise<boolean> {
    return ((await this.filters.delete({ userId, id })).affected ?? 0) > 0;
  }

  /**
   * Of everyone but the author, who has a filter matching this (normalised) text: `hide` wins over
   * `warn`, and a fold carries the label of the first `warn` filter that matched. On every chat
   * message, so prepared. Every member's filters are looked at: a plain substring search for the
   * filter's fixed letters first, the pattern only where they occur.
   */
  matchingAudience(authorId: string, normalizedText: string): Promise<{ user_id: string; mode: PersonalFilterMode; label: string | null }[]> {
    return this.prepared.query(
      `SELECT DISTINCT ON (user_id) user_id, mode, label FROM personal_filters
       WHERE user_id <> $1 AND CASE WHEN strpos($2::text, fixed_part) > 0 THEN $2::text ~ sql_pattern ELSE false END
       ORDER BY user_id, mode = 'hide' DESC, created_at, id`,
      [authorId, normalizedText],
    );
  }

  /** Does any member hold a filter at all? */
  async anyExist(): Promise<boolean> {
    const [row] = (await this.db.query('SELECT EXISTS (SELECT 1 FROM personal_filters) AS any')) as { any: boolean }[];
    return row?.any ?? false;
  }

  /** For the member's own export, in their own words. */
  exportFor(userId: string): Promise<{ phrase: string; mode: string; whole_word: boolean; label: string | null; created_at: Date }[]> {
    return this.db.query('SELECT phrase, mode, whole_word, label, created_at FROM personal_filters WHERE user_id = $1 ORDER BY created_at', [userId]);
  }

  async forgetUser(userId: string, manager: EntityManager): Promise<void> {
    await manager.query('DELETE FROM personal_filters WHERE user_id = $1', [userId]);
  }
}
