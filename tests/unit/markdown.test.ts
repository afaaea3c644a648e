import { describe, expect, it } from '@jest/globals';
import { renderMarkdown } from '../../apps/api/src/common/sanitize/markdown.js';
import { XSS_CORPUS } from '../fixtures/xss-corpus.js';

const REL = 'noopener noreferrer nofollow ugc';
const FORBIDDEN_TAG = /<\s*\/?\s*(script|iframe|img|svg|style|object|embed|form|base|meta)\b/i;
const ALLOWED_TAGS = new Set(
  'p br strong em del s blockquote code pre ul ol li a h3 h4 h5 h6 hr table thead tbody tr th td'.split(' '),
);
// A start or end tag, with quoted attribute values kept whole so a `>` inside one cannot end it.
const TAG = /<(\/?)([a-zA-Z][^\s/>]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
const ATTRIBUTE = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'background', 'poster']);
const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", colon: ':', tab: '\t', newline: '\n', sol: '/',
};

// What a browser would see as the URL: entities decoded, then the characters it ignores
// (whitespace, C0/C1 controls, zero-width and bidi marks) removed.
function browserUrl(value: string): string {
  const decoded = value.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);?/gi, (whole, ref: string) => {
    if (ref[0] !== '#') return NAMED_ENTITIES[ref.toLowerCase()] ?? whole;
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
  // eslint-disable-next-line no-control-regex
  return decoded.replace(/[\x00-\x20\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g, '').toLowerCase();
}

/** Lists every reason `html` would be unsafe (or unexpected) to insert into a page. */
function findUnsafeHtml(html: string): string[] {
  const problems: string[] = [];
  if (FORBIDDEN_TAG.test(html)) problems.push(`forbidden tag: ${FORBIDDEN_TAG.exec(html)?.[0]}`);
  if (/<[!?]/.test(html)) problems.push('comment, CDATA, doctype or processing instruction');
  for (const [tag, closing, name, attributes] of html.matchAll(TAG)) {
    if (!ALLOWED_TAGS.has(name.toLowerCase())) problems.push(`unexpected tag: ${tag}`);
    if (/\son[a-z]+\s*=/i.test(tag)) problems.push(`event handler: ${tag}`);
    if (closing && attributes.trim()) problems.push(`attributes on a closing tag: ${tag}`);
    for (const [, attrName, ...values] of attributes.matchAll(ATTRIBUTE)) {
      const attr = attrName.toLowerCase();
      const value = values.find((v) => v !== undefined) ?? '';
      if (attr.startsWith('on')) problems.push(`event handler: ${tag}`);
      else if (!(name.toLowerCase() === 'a' && (attr === 'href' || attr === 'rel'))) {
        problems.push(`unexpected attribute ${attr}: ${tag}`);
      }
      if (URL_ATTRIBUTES.has(attr) && /^(javascript|vbscript|data):/.test(browserUrl(value))) {
        problems.push(`dangerous URL: ${tag}`);
      }
    }
  }
  return problems;
}

describe('renderMarkdown XSS corpus', () => {
  it('has a corpus worth running', () => {
    expect(XSS_CORPUS.length).toBeGreaterThanOrEqual(60);
  });

  it.each(XSS_CORPUS.map((payload, index) => [index, payload] as const))('payload #%i is neutralised: %j', (_i, payload) => {
    const html = renderMarkdown(payload);
    expect(findUnsafeHtml(html)).toEqual([]);
    expect(renderMarkdown(payload)).toBe(html); // deterministic
  });
});

describe('the safety check itself', () => {
  it.each([
    '<a href="javascript:alert(1)">x</a>',
    '<img src=x onerror=alert(1)>',
    '<a href="&#106;ava&#x09;script:alert(1)">x</a>',
    '<a href=" JaVa\u0000Script:alert(1)">x</a>',
    '<a href=data:text/html,x>x</a>',
    '<p onclick="alert(1)">x</p>',
    '<a/onmouseover=alert(1) href="https://ok.example">x</a>',
    '<p class="x">x</p>',
    '<svg/onload=alert(1)>',
    '<!-- x -->',
  ])('catches unsafe output %j', (html) => {
    expect(findUnsafeHtml(html)).not.toEqual([]);
  });

  it('accepts escaped markup and safe links', () => {
    expect(findUnsafeHtml('<p>&lt;script&gt;alert(1)&lt;/script&gt; <a href="https://ok.example" rel="x">y</a></p>')).toEqual([]);
  });
});

describe('renderMarkdown formatting', () => {
  it('renders emphasis', () => {
    expect(renderMarkdown('**bold** and *soft*')).toBe('<p><strong>bold</strong> and <em>soft</em></p>\n');
  });

  it('keeps an https link and marks it as user content', () => {
    const html = renderMarkdown('[a guide](https://example.org/help?a=1&b=2)');
    const anchors: string[] = html.match(/<a\b[^>]*>/g) ?? [];
    expect(anchors).toHaveLength(1);
    const [anchor = ''] = anchors;
    expect(anchor).toContain('href="https://example.org/help?a=1&amp;b=2"');
    expect(anchor).toContain(`rel="${REL}"`);
    expect(anchor).not.toContain('target');
    expect(anchor.match(/\s[a-z-]+=/g)).toHaveLength(2);
  });

  it('linkifies bare URLs', () => {
    expect(renderMarkdown('see https://example.org/x today')).toContain(`<a rel="${REL}" href="https://example.org/x">https://example.org/x</a>`);
  });

  it('allows mailto links, typed or linkified', () => {
    expect(renderMarkdown('[mail us](mailto:help@example.org)')).toContain('href="mailto:help@example.org"');
    expect(renderMarkdown('help@example.org')).toContain('href="mailto:help@example.org"');
  });

  it('allows site-relative links but not protocol-relative ones', () => {
    expect(renderMarkdown('[rules](/rooms/rules)')).toContain('href="/rooms/rules"');
    expect(renderMarkdown('[x](//evil.example)')).not.toContain('<a');
  });

  it('caps headings at h3', () => {
    expect(renderMarkdown('# Big\n\n## Less big\n\n#### Small')).toBe('<h3>Big</h3>\n<h3>Less big</h3>\n<h4>Small</h4>\n');
  });

  it('renders lists, quotes, code and line breaks', () => {
    expect(renderMarkdown('- one\n- two')).toBe('<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n');
    expect(renderMarkdown('1. first')).toBe('<ol>\n<li>first</li>\n</ol>\n');
    expect(renderMarkdown('> quoted')).toBe('<blockquote>\n<p>quoted</p>\n</blockquote>\n');
    expect(renderMarkdown('use `x < y`')).toBe('<p>use <code>x &lt; y</code></p>\n');
    expect(renderMarkdown('```js\nlet a = "<b>";\n```')).toBe('<pre><code>let a = "&lt;b&gt;";\n</code></pre>\n');
    expect(renderMarkdown('line one\nline two')).toBe('<p>line one<br />\nline two</p>\n');
  });

  it('shows raw HTML as text', () => {
    expect(renderMarkdown('<b>hi</b>')).toBe('<p>&lt;b&gt;hi&lt;/b&gt;</p>\n');
  });

  it('renders images as their alt text only', () => {
    expect(renderMarkdown('![a *cat*](https://evil.example/cat.png)')).toBe('<p>a cat</p>\n');
  });

  it('drops table alignment styles', () => {
    const html = renderMarkdown('| a |\n|--:|\n| 1 |');
    expect(html).toContain('<td>1</td>');
    expect(html).not.toContain('style');
  });
});
