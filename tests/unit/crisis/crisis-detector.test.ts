import { describe, expect, it } from '@jest/globals';
import {
  detectCrisis,
  detectCrisisExhaustively,
  unanchoredGroups,
  type CrisisAssessment,
} from '../../../apps/api/src/moderation/crisis/crisis-detector.js';
import { PHRASE_GROUPS, WORD_LISTS } from '../../../apps/api/src/moderation/crisis/crisis-phrases.js';
import { normaliseForCrisis } from '../../../apps/api/src/moderation/crisis/normalise.js';
import { compilePhrase } from '../../../apps/api/src/moderation/crisis/phrase-compiler.js';
import { CRISIS_HOLDOUT, CRISIS_LABELLED, type LabelledText } from '../../fixtures/crisis-labelled.js';

const MIN_RECALL = 0.92;
const MIN_PRECISION = 0.9;
const GROUP_IDS = new Set(PHRASE_GROUPS.map((g) => g.id));

interface Score {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number;
  recall: number;
  falsePositives: number[];
  falseNegatives: number[];
}

function score(set: readonly LabelledText[]): Score {
  const s: Score = { tp: 0, fp: 0, fn: 0, tn: 0, precision: 0, recall: 0, falsePositives: [], falseNegatives: [] };
  set.forEach(({ text, crisis }, i) => {
    const { hit } = detectCrisis(text);
    if (hit && crisis) s.tp++;
    else if (hit) s.falsePositives.push(i);
    else if (crisis) s.falseNegatives.push(i);
    else s.tn++;
  });
  s.fp = s.falsePositives.length;
  s.fn = s.falseNegatives.length;
  s.precision = s.tp / (s.tp + s.fp || 1);
  s.recall = s.tp / (s.tp + s.fn || 1);
  return s;
}

function report(name: string, s: Score): string {
  return (
    `${name}: precision ${s.precision.toFixed(3)}, recall ${s.recall.toFixed(3)} ` +
    `(TP ${s.tp}, FP ${s.fp}, FN ${s.fn}, TN ${s.tn}); ` +
    `false positives at [${s.falsePositives.join(', ')}], false negatives at [${s.falseNegatives.join(', ')}]`
  );
}

const expectShape = (r: CrisisAssessment): void => {
  expect(['none', 'concern', 'urgent']).toContain(r.severity);
  expect(r.hit).toBe(r.severity !== 'none');
  expect(r.hit).toBe(r.matches.length > 0);
  for (const id of r.matches) expect(GROUP_IDS.has(id)).toBe(true);
};

describe('crisis detector: labelled set', () => {
  it(`meets recall >= ${MIN_RECALL} and precision >= ${MIN_PRECISION}`, () => {
    expect(CRISIS_LABELLED.length).toBeGreaterThanOrEqual(160);
    const s = score(CRISIS_LABELLED);
    console.log(report(`Crisis detector, labelled set (${CRISIS_LABELLED.length} texts)`, s));
    expect(s.recall).toBeGreaterThanOrEqual(MIN_RECALL);
    expect(s.precision).toBeGreaterThanOrEqual(MIN_PRECISION);
  });

  // Reported, not asserted: these texts were scored blind and never tuned on, so they
  // show how the phrase lists cope with wording nobody anticipated. Expect far lower
  // recall than the labelled set; that gap is the honest limit of a phrase list.
  it('reports the held-out set', () => {
    const s = score(CRISIS_HOLDOUT);
    console.log(report(`Crisis detector, HELD-OUT set (${CRISIS_HOLDOUT.length} texts, not tuned on)`, s));
    expect(s.tp + s.fp + s.fn + s.tn).toBe(CRISIS_HOLDOUT.length);
  });

  it('the anchor pre-filter never changes a result', () => {
    expect(unanchoredGroups()).toEqual([]);
    for (const { text } of [...CRISIS_LABELLED, ...CRISIS_HOLDOUT]) {
      expect(detectCrisis(text)).toEqual(detectCrisisExhaustively(text));
    }
  });
});

describe('crisis detector: idioms and look-alikes do not fire', () => {
  it.each([
    'this homework is killing me',
    "I'm dying to see that film",
    'I could kill for a coffee',
    'that joke killed me',
    'my feet are killing me',
    'dead tired',
    "I'd rather die than wear that",
    'killing it at work',
    'this cake is to die for',
    'suicide squad was better than I expected',
    'the article about suicide prevention was good',
    'CW: suicide mention',
    'I want to die of embarrassment',
    "i'm killing myself laughing",
    "I'm so proud of myself today",
    'I have a nose piercing now',
    'googled how to unblock a nose',
    'I really shot myself in the foot there',
    'ran 5 kms this morning',
    'we are about 10 kms away',
    'my friend wants to kill herself, how do I help?',
    'he threatened to kill himself if I left',
    'gonna hang out with friends, then jump in the shower',
    'took my pills with breakfast',
    'I want to cut contact with him for good',
    'i burned myself on the oven again lol',
    'bye everyone, see you tomorrow',
    'goodbye everyone, see you next week!',
    "my mum is going to kill me when she sees my grades",
  ])('%s', (text) => {
    expect(detectCrisis(text)).toEqual({ hit: false, severity: 'none', categories: [], matches: [] });
  });
});

describe('crisis detector: negation window', () => {
  it.each([
    "I'm not suicidal",
    'I would never hurt myself',
    'no thoughts of self-harm',
    "I'm not going to kill myself",
    "i dont want to die",
    'I have no intention of ending my life',
    'ive stopped self harming',
  ])('negated: %s', (text) => {
    expect(detectCrisis(text).hit).toBe(false);
  });

  it.each([
    "I'm not okay and I want to die",
    "no, I want to die",
    "I'm not ok. I want to kill myself",
    "I don't know why I want to die",
    "I never thought I'd want to die",
    "I would never say it out loud but I want to kill myself",
    'i would never kill myself. actually i want to kill myself',
  ])('still a hit: %s', (text) => {
    expect(detectCrisis(text).hit).toBe(true);
  });
});

describe('crisis detector: past and resolved statements', () => {
  it('ignores an explicitly distant, resolved statement', () => {
    expect(detectCrisis("five years ago I tried to kill myself and today I'm doing better").hit).toBe(false);
    expect(detectCrisis('I used to self harm as a teen').hit).toBe(false);
  });

  it('still fires when it is back, or when a present phrase appears elsewhere', () => {
    expect(detectCrisis('I used to cut but last night I cut myself again').hit).toBe(true);
    expect(detectCrisis('years ago I wanted to die and the thoughts are back').hit).toBe(true);
    expect(detectCrisis('I used to self harm. Now I want to die').hit).toBe(true);
  });
});

describe('crisis detector: severity and categories', () => {
  it.each([
    "I'm going to kill myself tonight",
    'i have the pills ready',
    'I took all my pills',
    "he's outside my door right now",
    'he has a knife',
    "he said he'll kill me if I leave",
    'feeling suicidal tonight',
    'goodbye everyone. i want to die',
    "urge to cut is bad, I've got the blade out",
  ])('urgent: %s', (text) => {
    expect(detectCrisis(text).severity).toBe('urgent');
  });

  it.each([
    'i wish i was dead',
    "I'm a burden to everyone",
    'everyone would be better off without me',
    'I cut myself again',
    "I've been feeling suicidal",
    'he choked me',
  ])('concern: %s', (text) => {
    expect(detectCrisis(text).severity).toBe('concern');
  });

  it('reports categories in a fixed order', () => {
    expect(detectCrisis('relapsed on cutting').categories).toEqual(['self-harm']);
    expect(detectCrisis('he is banging on the door').categories).toEqual(['danger-from-others']);
    expect(detectCrisis("he says he'll kill me. i cut myself. i want to die").categories).toEqual([
      'suicide',
      'self-harm',
      'danger-from-others',
    ]);
  });
});

describe('crisis detector: spelling variants', () => {
  it.each([
    'I don’t want to be here anymore',
    'i dont want to be here anymore',
    'I WANT TO DIE',
    'i want to diiiieeee',
    'i want to d1e',
    'k1ll mys3lf',
    'ki\u200Bll myself',
    'kill\u200B myself',
    'k\u202Eill myself',
    'Ｉ ｗａｎｔ ｔｏ ｄｉｅ',
    'I want 😭 to 😭 die',
    'wanna   die\n\n\nrn',
    'i want to dïe',
    'self-harm again tonight',
    'i wanna kill myslef',
  ])('%s', (text) => {
    expect(detectCrisis(text).hit).toBe(true);
  });

  it('normalises to the phrase alphabet', () => {
    expect(normaliseForCrisis('I’m gonna K1LL   myselfff 😭!!')).toBe('im gona kil myself !!');
    expect(normaliseForCrisis('**bold** 10 years')).toBe('bold 10 years');
  });
});

describe('crisis detector: robustness', () => {
  const hundredKb = 'all good here, just venting about work. '.repeat(2600).slice(0, 100_000);

  it.each([
    ['empty', ''],
    ['whitespace', ' \n\t '],
    ['100 KB of text', hundredKb],
    ['100 KB of one letter', 'a'.repeat(100_000)],
    ['100 KB of negated phrases', 'i would never kill myself. '.repeat(4000)],
    ['lone high surrogate', '\uD800'],
    ['lone low surrogate', 'x\uDC00y'],
    ['NUL bytes', 'a\u0000b\u0000'],
    ['RTL override', '\u202Etext reversed\u202C'],
    ['only punctuation', '!?.,;'.repeat(1000)],
    ['combining-mark soup', 'd\u0337\u0337\u0337i\u0337e\u0337'.repeat(500)],
  ])('does not throw on %s', (_name, text) => {
    expectShape(detectCrisis(text));
  });

  it('does not throw on non-string input from untyped callers', () => {
    for (const bad of [undefined, null, 42, {}, []]) {
      expect(detectCrisis(bad as unknown as string)).toEqual({ hit: false, severity: 'none', categories: [], matches: [] });
    }
  });

  it('scans the whole of a long message', () => {
    expect(detectCrisis(`${hundredKb} i want to kill myself`).hit).toBe(true);
    expect(detectCrisis('i want to die\uD800').hit).toBe(true);
  });

  it('keeps no state between calls', () => {
    const a = 'i want to die. i want to die. i want to die';
    const b = 'no crisis here';
    const first = detectCrisis(a);
    expect(detectCrisis(b).hit).toBe(false);
    expect(detectCrisis(a)).toEqual(first);
  });
});

describe('crisis detector: privacy of matches', () => {
  it('reports only phrase-group ids, never the member text', () => {
    const secret = 'zebracorn-42 wrote: i want to kill myself tonight, my name is Alexandra';
    const result = detectCrisis(secret);
    expect(result.hit).toBe(true);
    for (const id of result.matches) expect(GROUP_IDS.has(id)).toBe(true);
    const serialised = JSON.stringify(result);
    for (const word of ['zebracorn', 'Alexandra', 'kill myself', 'tonight']) expect(serialised).not.toContain(word);

    for (const { text } of CRISIS_LABELLED) expectShape(detectCrisis(text));
  });
});

describe('crisis phrase lists', () => {
  it('have unique ids and compile', () => {
    expect(GROUP_IDS.size).toBe(PHRASE_GROUPS.length);
    for (const group of PHRASE_GROUPS) {
      expect(group.id).toMatch(/^(suicide|self-harm|danger)\.[a-z-]+$/);
      for (const phrase of [...group.phrases, ...(group.except ?? [])]) {
        expect(() => compilePhrase(phrase, WORD_LISTS)).not.toThrow();
      }
    }
  });

  it.each([
    ["don't want to die", 'apostrophe'],
    ['(want|wanna to die', 'unbalanced bracket'],
    ['{NOPE} die', 'unknown list'],
    ['... die', 'gap first'],
    ['die <end> now', 'words after <end>'],
    ['(want to die)?', 'regex syntax'],
  ])('rejects a malformed phrase: %s (%s)', (phrase) => {
    expect(() => compilePhrase(phrase, WORD_LISTS)).toThrow(/Crisis phrase/);
  });
});
