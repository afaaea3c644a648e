// Precision and recall of the identifying-text check on the labelled set written before the
// rules (tests/fixtures/identifying-labelled.ts). Fails below 0.85 for either, and prints the
// figures and every miss so a change to the rules shows what it costs.
import { describe, expect, it } from '@jest/globals';
import { findIdentifyingText, type FoundSpan } from '../../../apps/api/src/compose-check/identifying/identifying-text.js';
import { IDENTIFYING_HOLDOUT, IDENTIFYING_LABELLED, type LabelledIdentifying } from '../../fixtures/identifying-labelled.js';

const MIN_PRECISION = 0.85;
const MIN_RECALL = 0.85;

interface Expected {
  kind: string;
  start: number;
  end: number;
}

function expectedSpans(item: LabelledIdentifying): Expected[] {
  return item.spans.map((s) => {
    const start = item.text.indexOf(s.text);
    if (start < 0) throw new Error(`labelled span "${s.text}" is not in "${item.text}"`);
    return { kind: s.kind, start, end: start + s.text.length };
  });
}

const sameFind = (a: Expected | FoundSpan, b: Expected | FoundSpan) => a.kind === b.kind && a.start < b.end && b.start < a.end;

function score(set: readonly LabelledIdentifying[]) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const misses: string[] = [];
  for (const item of set) {
    const expected = expectedSpans(item);
    const found = findIdentifyingText(item.text);
    for (const f of found) {
      if (expected.some((e) => sameFind(e, f))) tp++;
      else {
        fp++;
        misses.push(`FP ${f.kind} "${item.text.slice(f.start, f.end)}" in "${item.text}"`);
      }
    }
    for (const e of expected) {
      if (!found.some((f) => sameFind(e, f))) {
        fn++;
        misses.push(`FN ${e.kind} "${item.text.slice(e.start, e.end)}" in "${item.text}"`);
      }
    }
  }
  return { tp, fp, fn, precision: tp / (tp + fp || 1), recall: tp / (tp + fn || 1), misses };
}

describe('identifying-text check: labelled set', () => {
  it(`has at least 80 labelled texts, and reaches precision >= ${MIN_PRECISION} and recall >= ${MIN_RECALL}`, () => {
    expect(IDENTIFYING_LABELLED.length).toBeGreaterThanOrEqual(80);
    const s = score(IDENTIFYING_LABELLED);
    console.log(
      `Identifying text, labelled set (${IDENTIFYING_LABELLED.length} texts): precision ${s.precision.toFixed(3)}, recall ${s.recall.toFixed(3)} ` +
        `(TP ${s.tp}, FP ${s.fp}, FN ${s.fn})\n${s.misses.join('\n')}`,
    );
    expect(s.precision).toBeGreaterThanOrEqual(MIN_PRECISION);
    expect(s.recall).toBeGreaterThanOrEqual(MIN_RECALL);
  });

  // Reported, not asserted: written after the rules and never tuned on, so this is the honest
  // figure for words the rules were not shaped around.
  it('reports the held-out set', () => {
    const s = score(IDENTIFYING_HOLDOUT);
    console.log(
      `Identifying text, HELD-OUT set (${IDENTIFYING_HOLDOUT.length} texts, not tuned on): precision ${s.precision.toFixed(3)}, recall ${s.recall.toFixed(3)} ` +
        `(TP ${s.tp}, FP ${s.fp}, FN ${s.fn})\n${s.misses.join('\n')}`,
    );
    expect(s.tp + s.fn).toBeGreaterThan(0);
  });

  it('gives offsets into the text as written (accents and curly apostrophes included)', () => {
    const text = 'Mi ex, Pedro Sánchez, vive en Calle Mayor 15 y su móvil es +34 612 34 56 78.';
    const found = findIdentifyingText(text).map((f) => [f.kind, text.slice(f.start, f.end)]);
    expect(found).toEqual([
      ['full-name', 'Pedro Sánchez'],
      ['street-address', 'Calle Mayor 15'],
      ['phone', '+34 612 34 56 78'],
    ]);
  });

  it('finds nothing in an empty text, and stays fast on a long adversarial one', () => {
    expect(findIdentifyingText('')).toEqual([]);
    const long = '1 '.repeat(5_000) + 'Aa '.repeat(3_000) + 'calle '.repeat(1_000);
    const started = performance.now();
    findIdentifyingText(long);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
