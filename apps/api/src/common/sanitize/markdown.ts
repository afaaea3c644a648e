// Renders member-written Markdown to HTML that is safe to show to other members.
//
// Two independent layers, so one bug is not enough for an XSS:
//   1. markdown-it is configured so that it cannot emit raw HTML, images or unsafe links.
//   2. sanitize-html re-parses the output against a strict allow-list of tags and attributes.
// Both are pure string transforms (no DOM), and the parser is configured once at load time
// because this runs on every post write.
import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

// Links leave our site: don't leak the reader (referrer/opener), and tell search engines the
// link is user content we don't vouch for. No target="_blank": fewer surprise windows.
const LINK_REL = 'noopener noreferrer nofollow ugc';

// An allow-list, not a deny-list: obfuscations (`JaVaScRiPt:`, `jav&#x09;ascript:`, NUL,
// leading spaces, `data:`…) all fail simply by not starting with one of these. markdown-it
// hands us the URL entity-decoded and percent-encoded, so whitespace and control characters
// cannot sit in front of the scheme. Site-relative paths are fine, but not `//host` or `/\host`,
// which browsers treat as a link to another host.
const SAFE_URL = /^(?:https?:|mailto:|\/(?![/\\]))/i;

const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: true });
md.validateLink = (url) => SAFE_URL.test(url);

// html: false already escapes raw HTML as text; switching the rules off as well means no option
// change elsewhere can turn them back on silently.
md.disable(['html_block', 'html_inline']);

// No images: they would load from hosts members choose (tracking, shock content). Show the alt
// text instead, escaped like any other text.
md.renderer.rules.image = (tokens, idx, options, env, self) =>
  md.utils.escapeHtml(self.renderInlineAsText(tokens[idx].children ?? [], options, env));

// Headings start at h3 so a post cannot shout over the page; links carry only href and rel
// (a Markdown link title is dropped rather than passed through).
md.core.ruler.push('kindred_safe_tokens', (state) => {
  for (const token of state.tokens) {
    if ((token.type === 'heading_open' || token.type === 'heading_close') && (token.tag === 'h1' || token.tag === 'h2')) {
      token.tag = 'h3';
    }
    for (const child of token.children ?? []) {
      if (child.type === 'link_open') child.attrs = [['href', child.attrGet('href') ?? ''], ['rel', LINK_REL]];
    }
  }
});

const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'strong', 'em', 'del', 's', 'blockquote', 'code', 'pre', 'ul', 'ol', 'li', 'a',
    'h3', 'h4', 'h5', 'h6', 'hr', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
  ],
  // Only href and our own rel; no style/class/id/on* on anything.
  allowedAttributes: { a: ['href', 'rel'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  // Anything unexpected is shown as text rather than silently dropped, so nothing is hidden.
  disallowedTagsMode: 'escape',
  transformTags: {
    h1: 'h3',
    h2: 'h3',
    // Enforce rel here too, independently of layer 1; an unsafe href is still removed afterwards.
    a: (tagName, { href }) => {
      const attribs: sanitizeHtml.Attributes = { rel: LINK_REL };
      if (href !== undefined) attribs.href = href;
      return { tagName, attribs };
    },
  },
};

/** Renders untrusted Markdown to sanitized HTML. Pure and deterministic. */
export function renderMarkdown(source: string): string {
  return sanitizeHtml(md.render(source), SANITIZE_OPTIONS);
}

/**
 * The words of a post as plain text, at most `max` characters (cut at a word where it can be),
 * for a quoted excerpt: no markup to sanitise, the app shows it as text.
 */
export function plainExcerpt(source: string, max: number): string {
  const words: string[] = [];
  for (const token of md.parse(source, {})) {
    for (const child of token.children ?? []) {
      if (child.type === 'text' || child.type === 'code_inline') words.push(child.content);
      else if (child.type === 'softbreak' || child.type === 'hardbreak') words.push(' ');
    }
    if (token.type === 'code_block' || token.type === 'fence') words.push(token.content);
    if (token.type.endsWith('_close') && token.block) words.push(' ');
  }
  const text = words.join('').replace(/\s+/g, ' ').trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
