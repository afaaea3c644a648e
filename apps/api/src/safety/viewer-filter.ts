import {
  CONTENT_WARNING_CATEGORIES,
  DEFAULT_WARNING_PREFERENCE,
  WarningPreference,
  type ContentWarningCategory,
  type ContentWarningView,
  type Presentation,
  type WarningPreferences,
} from '@kindred/contracts';
import { normalizedSql } from '../personal-filters/filter-pattern.js';
import { PersonalFilterMatcher, type FilterVerdict } from '../personal-filters/personal-filter-matcher.js';

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
    /** The viewer's personal filters, compiled once. */
    readonly personal: PersonalFilterMatcher = PersonalFilterMatcher.none,
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

  /** The warning as this viewer is shown it, automatic categories labelled. `seen`: already worked out for this item. */
  warningView(
    categories: readonly ContentWarningCategory[],
    note: string | null,
    automatic: readonly ContentWarningCategory[],
    authorId: string,
    seen: readonly ContentWarningCategory[] = this.seen(categories, automatic, authorId),
  ): ContentWarningView {
    return warningView([...seen], note, automatic.length === 0 || authorId === this.viewerId ? [] : automatic.filter((c) => !categories.includes(c)));
  }

  /**
   * The viewer's personal filters on what a reader meets of one item (title, body, warning note):
   * hidden, folded behind their own label, or untouched. Never on the viewer's own words.
   */
  filtered(authorId: string, ...texts: (string | null | undefined)[]): FilterVerdict {
    if (authorId === this.viewerId) return null;
    return this.personal.verdict(...texts);
  }

  /** The viewer's `hide` filters as one PostgreSQL pattern over normalised text (see hiddenByFilterSql); null when none. */
  get hiddenPattern(): string | null {
    return this.personal.hideSql;
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

/**
 * SQL: content one of the viewer's `hide` filters matches. `textExpr` is what a reader meets,
 * `patternParam` the viewer's `hiddenPattern` (null: nothing is filtered, and nothing normalised);
 * the author's own words are never filtered from them.
 */
export const hiddenByFilterSql = (textExpr: string, authorExpr: string, patternParam: string, viewerParam: string) =>
  `(CASE WHEN ${patternParam}::text IS NULL OR ${authorExpr} IS NOT DISTINCT FROM ${viewerParam}::uuid THEN false ELSE ${normalizedSql(textExpr)} ~ ${patternParam}::text END)`;

/** What a reader meets of a post (`body`) or a thread (`title`), with its warning's note, as one SQL text. */
export const readerTextSql = (alias: string, column: 'body' | 'title') => `${alias}.${column} || coalesce(E'\\n' || ${alias}.warning_note, '')`;
