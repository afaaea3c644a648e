/**
 * Personal filters (issue 15): a member's private words and phrases. `hide` drops what matches on
 * the server; `warn` folds it behind "hidden by your filter: <label>". Nobody else ever sees them.
 */
export const PersonalFilterMode = { Warn: 'warn', Hide: 'hide' } as const;
export type PersonalFilterMode = (typeof PersonalFilterMode)[keyof typeof PersonalFilterMode];

export const PERSONAL_FILTERS_MAX = 200;
export const PERSONAL_FILTER_PHRASE_MAX_LENGTH = 100;
export const PERSONAL_FILTER_LABEL_MAX_LENGTH = 60;

export interface PersonalFilter {
  id: string;
  phrase: string;
  mode: PersonalFilterMode;
  /** true: whole words only, with plurals, possessives and -ing/-ed forms; false: anywhere, even inside a word. */
  wholeWord: boolean;
  /** The member's own words for the fold; null shows "hidden by your filter" alone. */
  label: string | null;
  createdAt: string;
}

export interface CreatePersonalFilterRequest {
  phrase: string;
  mode: PersonalFilterMode;
  wholeWord?: boolean;
  label?: string | null;
}

export type UpdatePersonalFilterRequest = Partial<CreatePersonalFilterRequest>;

/** Content folded by one of the viewer's own `warn` filters; only that viewer gets it. */
export interface FilterFold {
  label: string | null;
}
