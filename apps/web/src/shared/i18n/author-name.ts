import { authorPlaceholder, type AuthorPlaceholder, type AuthorView } from '@kindred/contracts';
import { useCallback } from 'react';
import type { MessageId } from './message-id';
import { useT, type Translate } from './use-t';

/** The API sends placeholder authors as reserved handles (see contracts/common.ts); these are their words. */
const PLACEHOLDER_NAMES: Record<AuthorPlaceholder, MessageId> = {
  'former-member': 'author.formerMember',
  moderator: 'author.unnamedModerator',
  team: 'author.moderationTeam',
};

/** How an author reads on screen: a member's own handle as chosen, a placeholder in the active language. */
export function authorName(author: Pick<AuthorView, 'handle'>, t: Translate): string {
  const placeholder = authorPlaceholder(author);
  return placeholder ? t(PLACEHOLDER_NAMES[placeholder]) : author.handle;
}

/** `const name = useAuthorName(); name(post.author)`; every place that shows an author's handle uses it. */
export function useAuthorName(): (author: Pick<AuthorView, 'handle'>) => string {
  const t = useT();
  return useCallback((author: Pick<AuthorView, 'handle'>) => authorName(author, t), [t]);
}

/** Placeholders stand for no reachable account: nobody can block, mute or message them. */
export function isPlaceholderAuthor(author: Pick<AuthorView, 'handle'>): boolean {
  return authorPlaceholder(author) !== null;
}
