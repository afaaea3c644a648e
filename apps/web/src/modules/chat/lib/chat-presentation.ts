import type { ChatMessageView, Presentation, WarningPreferences } from '@kindred/contracts';
import { WarningPreference } from '@kindred/contracts';

/**
 * Live messages reach everyone in the room at once, so the server marks any message with a
 * warning `warn` and each member's app applies their own choices. (`hide` never arrives:
 * the server leaves those members out.) Until the choices are known, warned stays folded.
 */
export function chatPresentation(message: ChatMessageView, preferences: WarningPreferences | undefined, viewerId: string): Presentation {
  if (message.author.id === viewerId) return 'show';
  // Folded by the reader's own filter: only their copy carries it.
  if (message.filter) return 'warn';
  if (message.warning.categories.length === 0) return 'show';
  if (!preferences) return 'warn';
  return message.warning.categories.every((category) => preferences[category] === WarningPreference.Show) ? 'show' : 'warn';
}

export function messageRevealId(messageId: string): string {
  return `message:${messageId}`;
}
