import type { Presentation } from '@kindred/contracts';

/**
 * People are never asked to unfold their own words. (The server applies the viewer's
 * settings to list pages even for their own threads and posts.)
 */
export function presentationFor(item: { presentation: Presentation; author: { id: string } }, viewerId: string | undefined): Presentation {
  return viewerId && item.author.id === viewerId ? 'show' : item.presentation;
}
