/**
 * Free text a person wrote (a moderator's reason), placed inside a sentence of ours: ends
 * it with a full stop unless it already ends a sentence, so notices never read "words..".
 */
export function asSentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?…]["'”’)]*$/u.test(trimmed) ? trimmed : `${trimmed}.`;
}
