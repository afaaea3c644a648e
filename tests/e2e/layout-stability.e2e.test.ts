import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { memberWithRole } from '../support/forum.js';
import { signedInMember, startE2eApp, type E2eApp } from './support/e2e-app.js';
import { createRoomAs, joinAs, threadAs } from './support/forum-setup.js';

/**
 * Cumulative layout shift (largest session window, as Core Web Vitals count it), recorded from
 * the first paint on: the same measure as `npm run bench -- --only web`.
 */
const OBSERVE = `(() => {
  window.__cls = 0;
  window.__shifts = [];
  let windowValue = 0, windowStart = 0, last = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.hadRecentInput) continue;
      window.__shifts.push({ value: e.value, sources: (e.sources || []).map((s) => s.node && s.node.nodeType === 1 ? s.node.tagName.toLowerCase() + '.' + String(s.node.className) : '?') });
      if (windowValue && (e.startTime - last > 1000 || e.startTime - windowStart > 5000)) windowValue = 0;
      if (!windowValue) windowStart = e.startTime;
      windowValue += e.value;
      last = e.startTime;
      window.__cls = Math.max(window.__cls, windowValue);
    }
  }).observe({ type: 'layout-shift', buffered: true });
})()`;

describe('layout stability', () => {
  let e2e: E2eApp;
  let room: { id: string; slug: string };

  beforeAll(async () => {
    e2e = await startE2eApp();
    const admin = await memberWithRole(e2e.t, 'admin');
    room = await createRoomAs(admin.agent, { name: 'Evening circle' });
    await joinAs(admin.agent, room.id);
    for (let i = 1; i <= 25; i += 1) {
      await threadAs(admin.agent, room.id, { title: `How do you get through the evenings? (${i})`, body: 'Evenings are the hardest for me. What helps you?', warning: { categories: [], noneApply: true } });
    }
  }, 120_000);
  afterAll(async () => {
    await e2e?.close();
  });

  it('the room page does not shift while its threads and chat arrive (CLS < 0.05)', async () => {
    const member = await signedInMember(e2e, { viewport: { width: 1280, height: 800 } });
    await joinAs(member.agent, room.id);
    await member.context.addInitScript(OBSERVE);
    const results: { cls: number; shifts: { value: number; sources: string[] }[] }[] = [];
    for (let run = 0; run < 3; run += 1) {
      await member.page.goto(`/rooms/${room.slug}`, { waitUntil: 'networkidle' });
      await member.page.getByRole('log').waitFor();
      await member.page.waitForTimeout(1000);
      results.push((await member.page.evaluate('({ cls: window.__cls, shifts: window.__shifts })')) as (typeof results)[number]);
    }
    for (const result of results) {
      // The shifts are in the message so a failure says what moved.
      expect({ cls: result.cls < 0.05, shifts: result.shifts }).toEqual({ cls: true, shifts: result.shifts });
      // The chat's space is kept from the first paint: its composer never moves.
      expect(result.shifts.filter((shift) => shift.sources.some((source) => source.startsWith('form.chat-composer')))).toEqual([]);
    }
  }, 60_000);
});
