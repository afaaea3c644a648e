import { Injectable } from '@nestjs/common';
import { CONTENT_WARNING_CATEGORIES, WarningPreference, type BlockedMember, type WarningPreferences, ErrorReason } from '@kindred/contracts';
import type { EntityManager } from 'typeorm';
import { DecisionCaches } from '../common/cache/decision-caches.js';
import type { DecisionCache } from '../common/cache/decision-cache.js';
import { AppError } from '../common/errors/app-error.js';
import { DomainEvents } from '../common/events/domain-events.js';
import { ConversationRepository } from '../conversations/conversation.repository.js';
import { PersonalFiltersService } from '../personal-filters/personal-filters.service.js';
import { UserRepository } from '../users/user.repository.js';
import { BlockRepository } from './block.repository.js';
import { defaultPreferences, ViewerFilter } from './viewer-filter.js';

/** Only a safety net: every change to a filter or a block is announced to every instance. */
const FILTER_TTL_MS = 60_000;
const MAX_FILTERS = 50_000;
const MAX_AUTHORS = 50_000;

/** Content-warning preferences and blocks: the member's own controls over what reaches them. */
@Injectable()
export class SafetyService {
  /** Each member's filter, read on every page and chat join; dropped when they change it (any instance). */
  private readonly filters: DecisionCache<ViewerFilter>;
  /**
   * Who blocked each author, and who hides each category: asked for every chat message
   * (otherwise a round trip per message, docs/benchmarks.md fan-out), dropped when a block on
   * that author, or anyone's preferences, change (any instance).
   */
  private readonly authorsBlockers: DecisionCache<readonly string[]>;
  private readonly hiding: DecisionCache<readonly string[]>;

  constructor(
    private readonly blocks: BlockRepository,
    private readonly users: UserRepository,
    private readonly conversations: ConversationRepository,
    private readonly events: DomainEvents,
    private readonly personalFilters: PersonalFiltersService,
    caches: DecisionCaches,
  ) {
    this.filters = caches.create({ max: MAX_FILTERS, ttlMs: FILTER_TTL_MS });
    this.authorsBlockers = caches.create({ max: MAX_AUTHORS, ttlMs: FILTER_TTL_MS });
    this.hiding = caches.create({ max: CONTENT_WARNING_CATEGORIES.length, ttlMs: FILTER_TTL_MS });
    events.on('preferences.changed', ({ userId }) => {
      this.filters.drop(userId);
      this.hiding.clear();
    });
    events.on('block.changed', ({ blockerId, blockedId }) => {
      this.filters.drop(blockerId);
      this.authorsBlockers.drop(blockedId);
    });
  }

  async viewerFilter(userId: string | undefined): Promise<ViewerFilter> {
    if (!userId) return ViewerFilter.defaults();
    return this.filters.get(userId, async () => {
      const [choices, personal] = await Promise.all([this.blocks.viewerChoices(userId), this.personalFilters.matcherFor(userId)]);
      // Shared by every request of this member: nothing may change it in place.
      const filter = new ViewerFilter(Object.freeze(withDefaults(choices.preferences)), Object.freeze(choices.blockedIds) as string[], userId, personal);
      Object.freeze(filter);
      return filter;
    });
  }

  /** The member's own choices, from the same cached read every page uses. */
  async getPreferences(userId: string): Promise<WarningPreferences> {
    return { ...(await this.viewerFilter(userId)).preferences };
  }

  async updatePreferences(userId: string, changes: Partial<WarningPreferences>): Promise<WarningPreferences> {
    await this.blocks.savePreferences(userId, Object.entries(changes) as [keyof WarningPreferences, WarningPreference][], WarningPreference.Warn);
    await this.events.announce('preferences.changed', { userId });
    return this.getPreferences(userId);
  }

  /** Has `blockerId` blocked `userId`? Used to drop mentions and replies silently. */
  isBlockedBy(userId: string, blockerId: string): Promise<boolean> {
    return this.blocks.isBlockedBy(userId, blockerId);
  }

  /** Of these members, the ones who blocked `userId`. */
  blockersAmong(userId: string, candidates: string[]): Promise<Set<string>> {
    return this.blocks.blockersAmong(userId, candidates);
  }

  /** Of these members, the ones `userId` blocked or who blocked `userId`: mentions never cross a block. */
  blockedEitherWayAmong(userId: string, candidates: readonly string[]): Promise<Set<string>> {
    return this.blocks.blockedEitherWayAmong(userId, candidates);
  }

  /** Everyone who blocked `userId` (they never see the member typing, nor their messages), kept until a block on them changes. */
  blockersOf(userId: string): Promise<readonly string[]> {
    return this.authorsBlockers.get(userId, async () => Object.freeze(await this.blocks.blockersOf(userId)));
  }

  /**
   * Who must never receive this content: members who hide one of its categories and
   * members who blocked its author. The author always gets their own words.
   */
  async excludedAudience(authorId: string, categories: readonly string[]): Promise<string[]> {
    const [blockers, ...hiders] = await Promise.all([
      this.blockersOf(authorId),
      ...categories.map((category) => this.hiding.get(category, async () => Object.freeze(await this.blocks.hidingCategory(category)))),
    ]);
    const excluded = new Set([...blockers, ...hiders.flat()]);
    excluded.delete(authorId);
    return [...excluded];
  }

  /**
   * Of everyone but the author, who filters these words away with a personal filter: `hidden`
   * must never receive them, `folded` get them behind their own label.
   */
  filterAudience(authorId: string, ...texts: (string | null | undefined)[]): Promise<{ hidden: string[]; folded: { userId: string; label: string | null }[] }> {
    return this.personalFilters.audienceFor(authorId, ...texts);
  }

  async listBlocks(userId: string): Promise<BlockedMember[]> {
    const rows = await this.blocks.list(userId);
    const handles = await this.users.handles(rows.map((r) => r.blocked_id));
    return rows.filter((r) => handles.has(r.blocked_id)).map((r) => ({ id: r.blocked_id, handle: handles.get(r.blocked_id)!.handle, blockedAt: r.created_at.toISOString() }));
  }

  async block(userId: string, handle: string): Promise<BlockedMember> {
    const target = await this.users.findByHandle(handle);
    if (!target) throw AppError.notFound('No member with that handle.', 'member');
    if (target.id === userId) throw AppError.validation('You cannot block yourself.', [{ field: 'handle', problem: 'This is your own handle.' }], ErrorReason.NotYourself);
    const blockedAt = await this.blocks.add(userId, target.id);
    await this.events.announce('block.changed', { blockerId: userId, blockedId: target.id });
    // Blocks cover private conversations too: one-to-one ones end for the blocker, silently.
    for (const conversationId of await this.conversations.endOneToOnes(userId, target.id)) {
      await this.events.announce('conversation.participation.changed', { conversationId, userIds: [userId] });
    }
    return { id: target.id, handle: target.handle, blockedAt: blockedAt.toISOString() };
  }

  async unblock(userId: string, blockedId: string): Promise<void> {
    await this.blocks.remove(userId, blockedId);
    await this.events.announce('block.changed', { blockerId: userId, blockedId });
  }

  /** For the member's data export: their warning preferences and whom they blocked. */
  async exportFor(userId: string): Promise<{ warningPreferences: unknown[]; blocks: { blocked_handle: string; created_at: Date }[] }> {
    const { preferences, blocks } = await this.blocks.exportFor(userId);
    const handles = await this.users.handles(blocks.map((b) => b.blocked_id));
    return {
      warningPreferences: preferences,
      blocks: blocks.filter((b) => handles.has(b.blocked_id)).map((b) => ({ blocked_handle: handles.get(b.blocked_id)!.handle, created_at: b.created_at })),
    };
  }

  forgetUser(userId: string, manager: EntityManager): Promise<void> {
    return this.blocks.forgetUser(userId, manager);
  }
}

/** Only differences from the default are stored. */
function withDefaults(rows: readonly { category: keyof WarningPreferences; preference: WarningPreferences[keyof WarningPreferences] }[]): WarningPreferences {
  const result = defaultPreferences();
  for (const row of rows) result[row.category] = row.preference;
  return result;
}
