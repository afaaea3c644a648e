import { describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { normalizedSql } from '../../apps/api/src/personal-filters/filter-pattern.js';
import { PersonalFilterMatcher, type MatchableFilter } from '../../apps/api/src/personal-filters/personal-filter-matcher.js';

const filters: MatchableFilter[] = [
  { phrase: 'José Smith', mode: 'hide', wholeWord: true, label: null },
  { phrase: 'drinking', mode: 'warn', wholeWord: true, label: 'D' },
  { phrase: 'ton', mode: 'warn', wholeWord: false, label: 'T' },
  { phrase: 'baby', mode: 'hide', wholeWord: true, label: null },
  { phrase: 'Elm Street', mode: 'hide', wholeWord: true, label: null },
  // A common first word: the quick check looks for "kettl", not "th".
  { phrase: 'the red kettle', mode: 'warn', wholeWord: true, label: 'K' },
];
const matcher = new PersonalFilterMatcher(filters);

/** [text, expected verdict] — one list, so the SQL pattern is held to the same answers. */
const cases: [string, 'hide' | 'D' | 'T' | 'K' | null][] = [
  ['JOSE  SMITH’s car', 'hide'],
  ['josé-smith', 'hide'],
  ['jose smithers', null],
  ['he drinks a lot', 'D'],
  ['Drinked', 'D'],
  ['drink', 'D'],
  ['drinkware', null],
  ['Boston', 'T'],
  ['the babies cry', 'hide'],
  ["baby's room", 'hide'],
  ['bob', null],
  ['on elm streets', 'hide'],
  ['elmstreet', null],
  ['By THE RED KETTLES again', 'K'],
  ['the red kettlebell', null],
  ['the red one, and a kettle', null],
];

describe('personal filter matcher', () => {
  it.each(cases)('%s → %s', (text, expected) => {
    const verdict = matcher.verdict(text);
    const got = verdict === null ? null : verdict.hide ? 'hide' : verdict.fold.label;
    expect(got).toBe(expected);
  });

  it('matches nothing without filters', () => {
    expect(PersonalFilterMatcher.none.verdict('anything at all')).toBeNull();
    expect(PersonalFilterMatcher.none.hideSql).toBeNull();
  });

  it('hides in PostgreSQL exactly what it hides in Node', async () => {
    const url = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      for (const [text, expected] of cases) {
        const { rows } = await client.query<{ hit: boolean }>(`SELECT ${normalizedSql('$1::text')} ~ $2 AS hit`, [text, matcher.hideSql]);
        expect([text, rows[0]!.hit]).toEqual([text, expected === 'hide']);
      }
    } finally {
      await client.end();
    }
  });
});
