import type { Locator, Page } from 'playwright-core';

/** The room page with its live chat joined (the message box is ready and no banner shows). */
export async function openChat(page: Page, slug: string): Promise<void> {
  await page.goto(`/rooms/${slug}`);
  await page.getByRole('heading', { name: 'Live chat' }).waitFor();
  await page.locator('.chat-log').waitFor();
  await page.locator('.chat .chat-banner').waitFor({ state: 'detached' });
}

export function chatLog(page: Page): Locator {
  return page.getByRole('log', { name: 'Chat messages' });
}
