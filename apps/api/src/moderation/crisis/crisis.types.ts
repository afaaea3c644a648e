// Shapes shared by the crisis phrase lists and the detector. Kept free of runtime code so
// the phrase file stays pure data.

export type CrisisCategory = 'suicide' | 'self-harm' | 'danger-from-others';

/** `concern`: softer ideation or disclosure. `urgent`: intent, plan, means, imminent danger. */
export type CrisisSeverity = 'none' | 'concern' | 'urgent';

export interface CrisisAssessment {
  hit: boolean;
  severity: CrisisSeverity;
  categories: CrisisCategory[];
  /** Ids of the phrase groups that matched, e.g. `suicide.wish-to-die`; never member text. */
  matches: string[];
}

export interface PhraseGroup {
  /** Stable id reported to moderators; never rename lightly (queue items store it). */
  id: string;
  category: CrisisCategory;
  severity: Exclude<CrisisSeverity, 'none'>;
  /** One line for reviewers: what this group is for. */
  why: string;
  /** Phrases in the mini-language described at the top of crisis-phrases.ts. */
  phrases: readonly string[];
  /** Look-alike idioms: if one of these overlaps a hit, that hit is ignored. */
  except?: readonly string[];
}
