// Crisis-language detector (safety requirement 4). Runs on every post and chat message.
//
// A hit never blocks or sanctions: callers show the author crisis resources privately and
// put a high-priority item on the moderator queue. Recall therefore matters most, but the
// queue is only useful while moderators trust it, so phrases need first-person context and
// negations, idioms and past-and-resolved statements are filtered out (see
// crisis-phrases.ts for the lists and the reasoning behind each choice).
//
// Pure and synchronous: no I/O, no state between calls apart from precompiled regexes.
import { AnchorIndex } from './anchor-index.js';
import { PHRASE_GROUPS, WORD_LISTS } from './crisis-phrases.js';
import type { CrisisAssessment, CrisisCategory, PhraseGroup } from './crisis.types.js';
import { isPastAndResolved, saysNow } from './context.js';
import { isNegated } from './negation.js';
import { normaliseForCrisis } from './normalise.js';
import { compileGroup } from './phrase-compiler.js';

export type { CrisisAssessment, CrisisCategory, CrisisSeverity } from './crisis.types.js';

interface CompiledGroup {
  group: PhraseGroup;
  pattern: RegExp;
  except: RegExp | null;
}

const COMPILED: readonly CompiledGroup[] = PHRASE_GROUPS.map((group) => ({
  group,
  pattern: compileGroup(group.phrases, WORD_LISTS),
  except: group.except ? compileGroup(group.except, WORD_LISTS) : null,
}));

// One scan for anchor words picks the groups worth running. (A single regex of every
// phrase was tried first: V8 cannot compile one that large to native code and it ran
// ~50x slower than the groups one by one.)
const ANCHORS = new AnchorIndex(
  PHRASE_GROUPS.length,
  PHRASE_GROUPS.map((g) => g.phrases),
  WORD_LISTS,
);

const CATEGORY_ORDER: readonly CrisisCategory[] = ['suicide', 'self-harm', 'danger-from-others'];
const FAREWELL_GROUP = 'suicide.farewell';
// Bounds work on adversarial input such as "i would never kill myself" x 10,000.
const MAX_HITS_PER_GROUP = 64;
// How far around a hit an overlapping idiom is looked for ("people who want to die").
const IDIOM_REACH = 80;

const none = (): CrisisAssessment => ({ hit: false, severity: 'none', categories: [], matches: [] });

const isWordChar = (c: string | undefined): boolean => c !== undefined && /[a-z0-9]/.test(c);

/**
 * Whether an "except" idiom overlaps the hit at [start, end). Only a window around the
 * hit is searched (widened to whole words), so the cost per hit does not grow with the
 * length of the message.
 */
function isIdiom(except: RegExp | null, text: string, start: number, end: number): boolean {
  if (!except) return false;
  let from = Math.max(0, start - IDIOM_REACH);
  while (from > 0 && isWordChar(text[from - 1])) from--;
  let to = Math.min(text.length, end + IDIOM_REACH);
  while (to < text.length && isWordChar(text[to])) to++;
  const window = text.slice(from, to);
  except.lastIndex = 0;
  for (let m = except.exec(window); m; m = except.exec(window)) {
    if (m.index + from < end && m.index + from + m[0].length > start) return true;
    if (m[0].length === 0) except.lastIndex++;
  }
  return false;
}

/**
 * The group's strongest hit that survives the context checks: 'urgent', 'concern', or
 * null. Keeps scanning after a negated or concern-level occurrence, because a later one
 * in the same message may count, or be urgent.
 */
function strongestHit(c: CompiledGroup, text: string): 'urgent' | 'concern' | null {
  let found: 'concern' | null = null;
  c.pattern.lastIndex = 0;
  for (let n = 0; n < MAX_HITS_PER_GROUP; n++) {
    const m = c.pattern.exec(text);
    if (!m) break;
    const start = m.index;
    const end = start + m[0].length;
    if (end === start) {
      c.pattern.lastIndex++;
      continue;
    }
    if (isIdiom(c.except, text, start, end) || isNegated(text, start) || isPastAndResolved(text, start, end)) {
      continue;
    }
    if (c.group.severity === 'urgent' || saysNow(text, start, end)) return 'urgent';
    found = 'concern';
  }
  return found;
}

function assess(text: string, useAnchors: boolean): CrisisAssessment {
  if (typeof text !== 'string' || text.length === 0) return none();
  const normalised = normaliseForCrisis(text);
  const candidates = useAnchors ? ANCHORS.candidates(normalised) : null;

  const matches: string[] = [];
  const categories = new Set<CrisisCategory>();
  let urgent = false;
  let suicideGroups = 0;
  for (let i = 0; i < COMPILED.length; i++) {
    if (candidates && !candidates[i]) continue;
    const c = COMPILED[i];
    const level = strongestHit(c, normalised);
    if (!level) continue;
    matches.push(c.group.id);
    categories.add(c.group.category);
    if (level === 'urgent') urgent = true;
    if (c.group.category === 'suicide') suicideGroups++;
  }
  if (matches.length === 0) return none();
  // A goodbye together with any other suicide language reads as a plan.
  if (matches.includes(FAREWELL_GROUP) && suicideGroups > 1) urgent = true;

  return {
    hit: true,
    severity: urgent ? 'urgent' : 'concern',
    categories: CATEGORY_ORDER.filter((cat) => categories.has(cat)),
    matches,
  };
}

/**
 * Assesses one post or chat message. Never throws: on any internal failure it reports
 * no hit, since a crisis check must never be the reason a message fails to send.
 */
export function detectCrisis(text: string): CrisisAssessment {
  try {
    return assess(text, true);
  } catch {
    return none();
  }
}

/**
 * The same assessment without the anchor pre-filter: every group's regex runs. Slower;
 * exists so tests can prove the pre-filter never hides a hit.
 */
export function detectCrisisExhaustively(text: string): CrisisAssessment {
  try {
    return assess(text, false);
  } catch {
    return none();
  }
}

/** Phrase-group indexes whose phrases have no anchor word (tests expect none). */
export const unanchoredGroups = (): readonly number[] => ANCHORS.unanchoredGroups;
