import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { REPO_ROOT } from '../../support/server-process.js';

const catalog = (locale: string) => JSON.parse(readFileSync(join(REPO_ROOT, `apps/web/src/locales/${locale}.json`), 'utf8')) as Record<string, string>;

/**
 * English that must not be left on a page shown in Spanish: every English catalogue message
 * that Spanish words differently, cut into its literal runs (around {values} and <tags>),
 * plus English words that Spanish never uses on their own.
 */
function englishMarkers(): { phrases: string[]; whole: string[] } {
  const en = catalog('en');
  const es = catalog('es');
  const phrases = new Set<string>();
  const whole = new Set<string>();
  for (const [id, english] of Object.entries(en)) {
    if (es[id] === english) continue;
    const literal = english.replace(/<\/?[A-Za-z0-9]+\/?>/g, '');
    if (!/[{}]/.test(literal)) whole.add(literal.trim());
    for (const run of literal.split(/[{}]/)) {
      const text = run.trim();
      if (text.length >= 10 && text.includes(' ') && !/[#,]\s*(plural|select)|^(one|other|=0)\b/.test(text)) phrases.add(text);
    }
  }
  return { phrases: [...phrases], whole: [...whole] };
}

const ENGLISH_WORDS = ['the', 'and', 'your', 'you', 'with', 'this', 'that', 'are', 'please', 'what', 'when', 'here', 'not', 'have'];

/**
 * Every piece of text a person can read or hear on the page, outside the excluded regions
 * (by default none: every web folder is in the catalogue, so the scan covers pages whole).
 */
async function readableTexts(page: Page, exclude: string[]): Promise<string[]> {
  return (await page.evaluate(`(() => {
    const excluded = ${JSON.stringify(exclude)}.flatMap((s) => [...document.querySelectorAll(s)]);
    const skip = (el) => !el || excluded.some((x) => x.contains(el)) || el.closest('script, style, noscript, [aria-hidden="true"] svg') || (el.checkVisibility && !el.checkVisibility() && el.tagName !== 'OPTION');
    const out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent.replace(/\\s+/g, ' ').trim();
      if (text && !skip(node.parentElement)) out.push(text);
    }
    for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], img[alt]')) {
      if (skip(el)) continue;
      for (const name of ['aria-label', 'title', 'placeholder', 'alt']) { const v = el.getAttribute(name); if (v) out.push(v.trim()); }
    }
    out.push(document.title);
    return out;
  })()`)) as string[];
}

/** The English found on the page (empty when it is all translated). */
export async function untranslatedStrings(page: Page, exclude: string[] = []): Promise<string[]> {
  const { phrases, whole } = englishMarkers();
  const texts = await readableTexts(page, exclude);
  const joined = texts.join('\n');
  const found = new Set<string>();
  for (const phrase of phrases) if (joined.includes(phrase)) found.add(phrase);
  for (const text of texts) if (whole.includes(text)) found.add(text);
  for (const word of ENGLISH_WORDS) {
    const match = joined.match(new RegExp(`(^|[^\\p{L}])(${word})([^\\p{L}]|$)`, 'iu'));
    if (match) found.add(`word "${word}" in: ${texts.find((t) => new RegExp(`(^|[^\\p{L}])${word}([^\\p{L}]|$)`, 'iu').test(t))}`);
  }
  return [...found];
}
