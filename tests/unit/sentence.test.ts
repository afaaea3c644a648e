import { describe, expect, it } from '@jest/globals';
import { asSentence } from '../../apps/api/src/common/text/sentence.js';

describe('asSentence (a person’s words inside our sentence)', () => {
  it('adds a full stop only where the words do not already end a sentence', () => {
    expect(asSentence('Speak from your own experience')).toBe('Speak from your own experience.');
    expect(asSentence('Speak from your own experience.')).toBe('Speak from your own experience.');
    expect(asSentence('  Was that kind?  ')).toBe('Was that kind?');
    expect(asSentence('Please stop!')).toBe('Please stop!');
    expect(asSentence('It said “enough.”')).toBe('It said “enough.”');
    expect(asSentence('Trailing off…')).toBe('Trailing off…');
    expect(asSentence('Off-topic (see the guidelines)')).toBe('Off-topic (see the guidelines).');
  });
});
