import { describe, expect, it } from '@jest/globals';
import { plainExcerpt } from '../../apps/api/src/common/sanitize/markdown.js';

/** The quoted excerpt of a reply's target: plain words, never markup, never longer than asked. */
describe('plainExcerpt', () => {
  it('keeps the words and drops the Markdown', () => {
    expect(plainExcerpt('**Today** was _hard_, see [the sea](https://example.org).\n\n> quoted\n\n- one\n- two', 200)).toBe('Today was hard, see the sea. quoted one two');
  });

  it('keeps raw HTML and code as the literal text a member typed (it is shown as text, never as HTML)', () => {
    expect(plainExcerpt('<script>alert(1)</script> and `code` here', 200)).toBe('<script>alert(1)</script> and code here');
    expect(plainExcerpt('```\nfenced\n```', 200)).toBe('fenced');
  });

  it('cuts at a word with an ellipsis, within the limit', () => {
    const text = 'Breathe in slowly and then breathe out even more slowly than that';
    const cut = plainExcerpt(text, 30);
    expect(cut.length).toBeLessThanOrEqual(30);
    expect(cut).toBe('Breathe in slowly and then…');
    expect(plainExcerpt('x'.repeat(50), 10)).toBe(`${'x'.repeat(9)}…`);
  });

  it('short words stay whole; empty stays empty', () => {
    expect(plainExcerpt('Thank you.', 160)).toBe('Thank you.');
    expect(plainExcerpt('   ', 160)).toBe('');
  });
});
