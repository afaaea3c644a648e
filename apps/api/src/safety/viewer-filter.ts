import {
  CONTENT_WARNING_CATEGORIES,
  DEFAULT_WARNING_PREFERENCE,
  WarningPreference,
  type ContentWarningCategory,
  type ContentWarningView,
  type Presentation,
  type WarningPreferences,
} from '@kindred/contracts';

/**
 * What one member chose not to see. Built once per request and applied by every query
 * that serves content, so `hide` and blocks hold everywhere (lists, pages, search, counts).
 */
export class ViewerFilter {
  /** Categories the viewer hides: content carrying any of them never reaches them. */
  readonly hiddenCategories: ContentWarningCategory[];
  private readonly shown: Set<ContentWarningCategory>;

  constructor(
    readonly preferences: WarningPreferences,
    /** Members this viewer blocked. */
    readonly blockedUserIds: string[],
    /** The viewer: their own words are never folded away from them. */
    readonly viewerId?: string,
  ) {
    this.hiddenCategories = CONTENT_WARNING_CATEGORIES.filter((c) => preferences[c] === WarningPreference.Hide);
    this.shown = new Set(CONTENT_WARNING_CATEGORIES.filter((c) => preferences[c] === WarningPreference.Show));
  }

  static defaults(): ViewerFilter {
    return new ViewerFilter(defaultPreferences(), []);
  }

  /**
   * The categories this viewer meets on a piece of content: the author's and moderators' own,
   * plus those added automatically, except on the viewer's own words (their view is unchanged).
   */
  seen(categories: readonly ContentWarningCategory[], automatic: readonly ContentWarningCategory[], authorId: string): ContentWarningCategory[] {
    if (automatic.length === 0 || authorId === this.viewerId) return [...categories];
    return [...new Set([...categories, ...automatic])];
  }

  /** The warning as this viewer is shown it, automatic categories labelled. */
  warningView(categories: readonly ContentWarningCategory[], note: string | null, automatic: readonly ContentWarningCategory[], authorId: string): ContentWarningView {
    return warningView(this.seen(categories, automatic, authorId), note, authorId === this.viewerId ? [] : automatic.filter((c) => !categories.includes(c)));
  }

  hides(categories: readonly ContentWarningCategory[], authorId: string): boolean {
    return this.blockedUserIds.includes(authorId) || categories.some((c) => this.hiddenCategories.includes(c));
  }

  /** `warn` unless every category is one the viewer chose to show, or the viewer wrote it. */
  presentation(categories: readonly ContentWarningCategory[], authorId?: string): Presentation {
    if (authorId !== undefined && authorId === this.viewerId) return WarningPreference.Show;
    return categories.every((c) => this.shown.has(c)) ? WarningPreference.Show : WarningPreference.Warn;
  }
}

export function defaultPreferences(): WarningPreferences {
  return Object.fromEntries(CONTENT_WARNING_CATEGORIES.map((c) => [c, DEFAULT_WARNING_PREFERENCE])) as WarningPreferences;
}

/** A warning for a payload; `automatic` only when something was added automatically. */
export function warningView(categories: ContentWarningCategory[], note: string | null, automatic: readonly ContentWarningCategory[]): ContentWarningView {
  return automatic.length ? { categories, note, automatic: [...automatic] } : { categories, note };
}

/**
 * SQL: content the viewer hides by category. The author's and moderators' warning counts for
 * everyone; the automatic one for everyone but the author. `alias` has content_warnings,
 * auto_warnings and author_id; the parameters are the hidden categories and the viewer.
 */
export const hiddenByWarningSql = (alias: string, hiddenParam: string, viewerParam: string) =>
  `(${alias}.content_warnings && ${hiddenParam}::text[] OR (${alias}.auto_warnings && ${hiddenParam}::text[] AND ${alias}.author_id IS DISTINCT FROM ${viewerParam}::uuid))`;
