import {
  CONTENT_WARNING_CATEGORIES,
  DEFAULT_WARNING_PREFERENCE,
  WarningPreference,
  type ContentWarningCategory,
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
