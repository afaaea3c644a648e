import axe from 'axe-core';
import type { Page } from 'playwright-core';

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/**
 * Always counted, whatever impact axe gives them: a skipped heading level misleads everyone
 * who moves through a page by its headings (the moderation dashboard's items once did).
 */
const ALWAYS = new Set(['heading-order']);

/**
 * Runs axe-core in the page and returns serious and critical violations, and those in
 * ALWAYS. The page's CSP (script-src 'self') blocks the injected script, so the context
 * must use bypassCSP.
 */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(`typeof window.axe !== 'undefined'`))) {
    await page.addScriptTag({ content: axe.source });
  }
  // At the top of the page. On a phone the site header is sticky, and axe counts a button
  // that the last scroll happened to leave half under it as "obscured": the same page then
  // passes or fails by where typing scrolled it (the mentions test failed in CI this way).
  // At the top the header is in the flow and covers nothing, while the fixed quick-exit
  // button is still checked against everything under it. The scroll is put back after.
  const result = (await page.evaluate(`(async () => {
    const x = window.scrollX, y = window.scrollY;
    window.scrollTo({ left: 0, top: 0, behavior: 'instant' });
    try {
      return await window.axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(TAGS)} }, resultTypes: ['violations'] });
    } finally {
      window.scrollTo({ left: x, top: y, behavior: 'instant' });
    }
  })()`)) as { violations: AxeViolation[] };
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical' || ALWAYS.has(v.id));
}

/** A readable summary for a failing assertion. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `  ${n.target.join(' ')} ${n.failureSummary ?? ''}`).join('\n')}`)
    .join('\n');
}
