// Turns the reviewer-friendly phrase language (documented in crisis-phrases.ts) into
// regular expressions. It runs once, at module load: a malformed phrase throws there, so a
// typo in the lists fails boot and the test suite instead of silently never matching.
//
// The input text it runs against is already normalised (normalise.ts): lower-case ASCII
// letters and digits, single spaces, no apostrophes, and only . ! ? ; , and newline as
// punctuation. That is why a word gap is simply one space.

type WordLists = Readonly<Record<string, readonly string[]>>;

// Words a "..." gap may not swallow, so "he said he would never hurt me" is not read as
// "he said ... hurt me". A gap may step over commas ("he said, if I leave, he'll kill
// me") but not sentence ends.
const GAP_BLOCKERS = 'not|never|no|dont|doesnt|didnt|wont|wouldnt|isnt|arent|wasnt|werent|nor';
const GAP = `(?:,? (?!(?:${GAP_BLOCKERS})(?![a-z0-9]))[^ .!?;,\\n]+){0,3},?`;
const END = '(?= ?(?:[.!?;,\\n]|$))';
const MAX_LIST_DEPTH = 4;

type Slot = { kind: 'alts'; alts: string[]; optional: boolean } | { kind: 'gap' } | { kind: 'end' };

class PhraseSyntaxError extends Error {
  constructor(phrase: string, problem: string) {
    super(`Crisis phrase "${phrase}": ${problem}`);
  }
}

/** Splits on `sep` outside (), [] and {}. */
function splitTopLevel(text: string, sep: string, phrase: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    if (depth < 0) throw new PhraseSyntaxError(phrase, 'unbalanced brackets');
    if (depth === 0 && c === sep) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  if (depth !== 0) throw new PhraseSyntaxError(phrase, 'unbalanced brackets');
  parts.push(text.slice(start));
  return parts;
}

function toSlot(token: string, phrase: string): Slot {
  if (token === '...') return { kind: 'gap' };
  if (token === '<end>') return { kind: 'end' };
  const open = token[0];
  const close = token[token.length - 1];
  if ((open === '(' || open === '[') && close !== (open === '(' ? ')' : ']')) {
    throw new PhraseSyntaxError(phrase, `"${token}" has characters after its closing bracket`);
  }
  if ((open === '(' && close === ')') || (open === '[' && close === ']')) {
    const alts = splitTopLevel(token.slice(1, -1), '|', phrase).map((a) => a.trim());
    if (alts.some((a) => a === '')) throw new PhraseSyntaxError(phrase, `empty option in ${token}`);
    return { kind: 'alts', alts, optional: open === '[' };
  }
  return { kind: 'alts', alts: [token], optional: false };
}

/**
 * Messages are matched with repeated letters squeezed to one ("diiie" -> "die", "kill" ->
 * "kil"; see normalise.ts), so phrase words are squeezed the same way. Plain literals
 * also keep V8's regex engine on its fast path.
 */
export function squeezeLetters(text: string): string {
  return text.replace(/([a-z])\1+/g, '$1');
}

function compileWord(word: string, phrase: string): string {
  if (!/^[a-z0-9]+\*?$/.test(word)) {
    throw new PhraseSyntaxError(phrase, `"${word}" must be lower-case letters/digits (no apostrophes)`);
  }
  const stem = word.endsWith('*');
  const core = squeezeLetters(stem ? word.slice(0, -1) : word);
  return stem ? `${core}[a-z0-9]*` : core;
}

function compileToken(token: string, lists: WordLists, phrase: string, depth: number): string {
  if (token === '<number>') return '[0-9]+';
  if (token === '<year>') return '(?:19|20)[0-9]{2}';
  const macro = /^\{([A-Z_]+)\}$/.exec(token);
  if (!macro) return compileWord(token, phrase);
  const list = lists[macro[1]];
  if (!list) throw new PhraseSyntaxError(phrase, `unknown word list {${macro[1]}}`);
  if (depth >= MAX_LIST_DEPTH) throw new PhraseSyntaxError(phrase, 'word lists nested too deeply');
  return `(?:${list.map((entry) => compileSequence(entry, lists, phrase, depth + 1)).join('|')})`;
}

function compileSequence(text: string, lists: WordLists, phrase: string, depth: number): string {
  const tokens = splitTopLevel(text.trim(), ' ', phrase).filter((t) => t !== '');
  if (tokens.length === 0) throw new PhraseSyntaxError(phrase, 'empty phrase');
  let out = '';
  let wordBefore = false;
  let ended = false;
  tokens.forEach((token, index) => {
    if (ended) throw new PhraseSyntaxError(phrase, '<end> must be last');
    const slot = toSlot(token, phrase);
    if (slot.kind === 'end') {
      out += END;
      ended = true;
      return;
    }
    if (slot.kind === 'gap') {
      if (!wordBefore) throw new PhraseSyntaxError(phrase, '"..." needs a word before it');
      out += GAP;
      return;
    }
    const endsHere = slot.alts.includes('<end>');
    if (endsHere && (index !== tokens.length - 1 || !wordBefore)) {
      throw new PhraseSyntaxError(phrase, '<end> as an option must be in the last group, after a word');
    }
    const options = slot.alts.filter((a) => a !== '<end>').map((a) => compileOption(a, lists, phrase, depth));
    if (wordBefore) {
      // Each option owns its separating space, so an optional word can be absent without
      // leaving a double space ("i [really] want" = "i want" / "i really want"), and an
      // <end> option can match right after the previous word.
      const inner = options.map((o) => ` ${o}`).concat(endsHere ? [END] : []);
      out += `(?:${inner.join('|')})${slot.optional ? '?' : ''}`;
    } else {
      const inner = options.length === 1 ? options[0] : `(?:${options.join('|')})`;
      out += slot.optional ? `(?:${inner} )?` : inner;
    }
    if (!slot.optional) wordBefore = true;
  });
  return out;
}

function compileOption(option: string, lists: WordLists, phrase: string, depth: number): string {
  return option.includes(' ') || option.startsWith('(') || option.startsWith('[')
    ? compileSequence(option, lists, phrase, depth)
    : compileToken(option, lists, phrase, depth);
}

/** Regex source for one phrase, without word boundaries. */
export function compilePhrase(phrase: string, lists: WordLists): string {
  return compileSequence(phrase, lists, phrase, 0);
}

/**
 * All phrases of a group as one regex, bounded so "die" never matches inside "diet" or
 * "studied". The default `g` flag is for exec-loops with lastIndex; callers reset it.
 */
export function compileGroup(phrases: readonly string[], lists: WordLists, flags = 'g'): RegExp {
  const body = phrases.map((p) => compilePhrase(p, lists)).join('|');
  return new RegExp(`(?<![a-z0-9])(?:${body})(?![a-z0-9])`, flags);
}

// ------------------------------------------------------------------------------------
// Anchors: for each phrase, the words of its rarest mandatory slot. A phrase can only
// match where one of its anchor words appears, so one cheap scan for anchor words decides
// which groups need their full (slower) regex at all. Derived automatically so that
// nobody maintaining the lists has to keep a second list in step.

// How common a word is in everyday posts, roughly: an anchor should be as rare as
// possible. Function words come first, then common content words. Compared after
// squeezing, like everything else ("too" is "to"). A hand list is enough: anchors only
// affect speed, never what matches.
const squeezedSet = (words: string): Set<string> => new Set(words.split(' ').map(squeezeLetters));
const FUNCTION_WORDS = squeezedSet(
  'i im me my myself to too the a an and of in on at is are was were be been being it its he she they ' +
    'you u we us our your him her his their them not no do does did dont so just for with this that ' +
    'these those have has had ive will ill would id could should might can cant by as or but from about ' +
    'if when what where who why how up out off into onto over under down around now all am hes shes theyre',
);
const COMMON_WORDS = squeezedSet(
  'get got go going gonna want wanna feel felt like really again tonight today right rn here there ' +
    'sleep wake last only trying try something anything keep keeps door doors time day night still never ' +
    'better make made one see know think thinking much more very people everyone everything thing things ' +
    'home house work said says told even ever need take took give let put look well good new first way ' +
    'own than then some any every other after before back come sure okay ok yes yeah lol please thanks ' +
    'thank sorry help love friend friends kids week weekend long forever message post',
);

/** Lower is better: rare, long words make the best anchors. */
function anchorCost(word: string): number {
  const squeezed = squeezeLetters(word.replace(/\*$/, ''));
  if (FUNCTION_WORDS.has(squeezed)) return 1000;
  if (COMMON_WORDS.has(squeezed)) return 50;
  return Math.max(1, 8 - squeezed.length);
}

/** Anchor words of an option/word/list, or null if it has none (numbers, say). */
function optionAnchors(option: string, lists: WordLists, phrase: string, depth: number): string[] | null {
  if (option.includes(' ') || option.startsWith('(') || option.startsWith('[')) {
    return sequenceAnchors(option, lists, phrase, depth);
  }
  if (option === '<number>' || option === '<year>' || option === '<end>') return null;
  const macro = /^\{([A-Z_]+)\}$/.exec(option);
  if (!macro) return [option];
  const list = lists[macro[1]];
  if (!list || depth >= MAX_LIST_DEPTH) throw new PhraseSyntaxError(phrase, `bad word list {${macro[1]}}`);
  return unionOrNull(list.map((entry) => sequenceAnchors(entry, lists, phrase, depth + 1)));
}

function unionOrNull(sets: (string[] | null)[]): string[] | null {
  if (sets.some((s) => s === null)) return null;
  return [...new Set((sets as string[][]).flat())];
}

function sequenceAnchors(text: string, lists: WordLists, phrase: string, depth: number): string[] | null {
  let best: string[] | null = null;
  let bestCost = Infinity;
  for (const token of splitTopLevel(text.trim(), ' ', phrase).filter((t) => t !== '')) {
    const slot = toSlot(token, phrase);
    if (slot.kind !== 'alts' || slot.optional || slot.alts.includes('<end>')) continue;
    const anchors = unionOrNull(slot.alts.map((a) => optionAnchors(a, lists, phrase, depth)));
    if (!anchors) continue;
    const cost = anchors.reduce((sum, w) => sum + anchorCost(w), 0);
    if (cost < bestCost) {
      best = anchors;
      bestCost = cost;
    }
  }
  return best;
}

/** The anchor words for one phrase, squeezed (may end in `*` for stems); null if none. */
export function phraseAnchors(phrase: string, lists: WordLists): string[] | null {
  return sequenceAnchors(phrase, lists, phrase, 0)?.map(squeezeLetters) ?? null;
}

