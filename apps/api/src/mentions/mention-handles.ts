import { HANDLE_MAX_LENGTH, HANDLE_MIN_LENGTH } from '@kindred/contracts';

const MENTION = new RegExp(`(?:^|[^A-Za-z0-9_-])@([A-Za-z0-9_-]{${HANDLE_MIN_LENGTH},${HANDLE_MAX_LENGTH}})(?![A-Za-z0-9_-])`, 'g');

/** Lower-cased handles written as @handle in a post, at most 20 per post. */
export function mentionedHandleKeys(body: string): string[] {
  const found = new Set<string>();
  for (const match of body.matchAll(MENTION)) {
    found.add(match[1]!.toLowerCase());
    if (found.size >= 20) break;
  }
  return [...found];
}
