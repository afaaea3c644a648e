import { describe, expect, it } from '@jest/globals';
import { mentionedHandleKeys } from '../../apps/api/src/mentions/mention-handles.js';
import { insertMention, mentionAtCaret } from '../../apps/web/src/modules/mentions/lib/mention-token.js';

// The composer offers suggestions exactly where the server will read a mention, and inserting
// one leaves text the server reads as that mention.

describe('the mention at the caret', () => {
  it('is an "@" at the start or after a non-handle character, with handle letters up to the caret', () => {
    expect(mentionAtCaret('@ab', 3)).toEqual({ start: 0, query: 'ab' });
    expect(mentionAtCaret('hi (@Ab_-c', 10)).toEqual({ start: 4, query: 'Ab_-c' });
    expect(mentionAtCaret('hi @abc there', 6)).toEqual({ start: 3, query: 'ab' });
  });

  it('is none for an e-mail address, a bare "@", text after a space, or a query longer than a handle', () => {
    expect(mentionAtCaret('me@example', 10)).toBeNull();
    expect(mentionAtCaret('hi @', 4)).toBeNull();
    expect(mentionAtCaret('@ab cd', 6)).toBeNull();
    expect(mentionAtCaret(`@${'a'.repeat(33)}`, 34)).toBeNull();
  });
});

describe('inserting a mention', () => {
  it('replaces the typed letters (also those past the caret) with the handle and a space, caret after it', () => {
    expect(insertMention('hi @ab', { start: 3, query: 'ab' }, 'Abby_3')).toEqual({ text: 'hi @Abby_3 ', caret: 11 });
    expect(insertMention('hi @abxy there', { start: 3, query: 'ab' }, 'abby')).toEqual({ text: 'hi @abby there', caret: 9 });
  });

  it('leaves text the server reads as that mention', () => {
    const { text } = insertMention('thanks @ab!', { start: 7, query: 'ab' }, 'Abby');
    expect(mentionedHandleKeys(text)).toEqual(['abby']);
  });
});
