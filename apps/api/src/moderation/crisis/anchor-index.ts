// Decides cheaply which phrase groups could possibly match a message, so only those run
// their full regex. Every phrase has anchor words (see phraseAnchors): a phrase can only
// match where one of them appears. Splitting the message into words and looking each up
// in a map costs far less than running every group's regex, and most messages contain no
// anchor at all.
import { phraseAnchors } from './phrase-compiler.js';

type WordLists = Readonly<Record<string, readonly string[]>>;

const WORD_SEPARATORS = /[^a-z0-9]+/;

export class AnchorIndex {
  private readonly exact = new Map<string, number[]>();
  private readonly stems: { prefix: string; groups: number[] }[] = [];
  private readonly alwaysRun: number[] = [];

  constructor(
    private readonly groupCount: number,
    groupPhrases: readonly (readonly string[])[],
    lists: WordLists,
  ) {
    groupPhrases.forEach((phrases, group) => {
      for (const phrase of phrases) {
        const anchors = phraseAnchors(phrase, lists);
        if (anchors) anchors.forEach((word) => this.register(word, group));
        else this.alwaysRun.push(group);
      }
    });
  }

  private register(word: string, group: number): void {
    if (word.endsWith('*')) {
      const prefix = word.slice(0, -1);
      let stem = this.stems.find((s) => s.prefix === prefix);
      if (!stem) this.stems.push((stem = { prefix, groups: [] }));
      stem.groups.push(group);
      return;
    }
    const groups = this.exact.get(word) ?? [];
    groups.push(group);
    this.exact.set(word, groups);
  }

  /** Flags, by group index, of the groups that could match the normalised text. */
  candidates(normalised: string): boolean[] {
    const run = new Array<boolean>(this.groupCount).fill(false);
    for (const g of this.alwaysRun) run[g] = true;
    for (const word of normalised.split(WORD_SEPARATORS)) {
      const groups = this.exact.get(word);
      if (groups) for (const g of groups) run[g] = true;
      for (const stem of this.stems) {
        if (word.startsWith(stem.prefix)) for (const g of stem.groups) run[g] = true;
      }
    }
    return run;
  }

  /** Groups with a phrase that has no anchor (should be none; see the unit test). */
  get unanchoredGroups(): readonly number[] {
    return this.alwaysRun;
  }
}
