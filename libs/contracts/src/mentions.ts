/** How many handles the mention autocomplete offers at once. */
export const MENTION_CANDIDATES_MAX = 8;

/** A room member the asker may mention, offered while they type `@…`. */
export interface MentionCandidate {
  handle: string;
}
