import { HANDLE_MAX_LENGTH } from '@kindred/contracts';

/** The `@…` being typed at the caret: where its "@" is, and the letters after it. */
export interface MentionToken {
  start: number;
  query: string;
}

const HANDLE_CHAR = /[A-Za-z0-9_-]/;

/**
 * The mention the caret is in, read as the server reads mentions: an "@" at the start or after a
 * character that cannot be part of a handle, then 1 to 32 handle characters up to the caret.
 * None for an e-mail address (`me@example`) or a bare "@".
 */
export function mentionAtCaret(text: string, caret: number): MentionToken | null {
  let at = caret - 1;
  while (at >= 0 && HANDLE_CHAR.test(text[at]!)) at -= 1;
  if (at < 0 || text[at] !== '@') return null;
  if (at > 0 && HANDLE_CHAR.test(text[at - 1]!)) return null;
  const query = text.slice(at + 1, caret);
  if (query.length === 0 || query.length > HANDLE_MAX_LENGTH) return null;
  return { start: at, query };
}

/** The text with the token replaced by `@handle ` and where the caret goes after it. */
export function insertMention(text: string, token: MentionToken, handle: string): { text: string; caret: number } {
  let end = token.start + 1 + token.query.length;
  // Letters of the handle typed past the caret are replaced too, not left dangling.
  while (end < text.length && HANDLE_CHAR.test(text[end]!)) end += 1;
  const inserted = `@${handle}${text[end] === ' ' ? '' : ' '}`;
  const next = text.slice(0, token.start) + inserted + text.slice(end);
  return { text: next, caret: token.start + inserted.length + (text[end] === ' ' ? 1 : 0) };
}
