import type { ContentWarningCategory } from './content-warnings.js';

/**
 * A check before sending (issue 15): the server points out, privately and without blocking,
 * what in a draft could identify someone, crisis language, and warnings the words suggest.
 * Nothing of the check is stored or logged; the answer is codes and offsets, never prose.
 */
export const COMPOSE_CHECK_KINDS = ['thread', 'reply', 'chat', 'message'] as const;
/** Where the draft will go: a new thread or a reply (in a room), room chat, or a private conversation. */
export type ComposeCheckKind = (typeof COMPOSE_CHECK_KINDS)[number];

export const IDENTIFYING_KINDS = ['phone', 'email', 'street-address', 'full-name', 'car-plate', 'school-or-workplace'] as const;
export type IdentifyingKind = (typeof IDENTIFYING_KINDS)[number];

export interface ComposeCheckContext {
  kind: ComposeCheckKind;
  /** Room id or slug; for thread, reply and chat. */
  roomId?: string;
  /** For message (a private conversation). */
  conversationId?: string;
}

export interface ComposeCheckRequest {
  /** The draft's body (a post's Markdown or a chat line). */
  text: string;
  /** A new thread's title, checked too. */
  title?: string;
  context: ComposeCheckContext;
  /** Warning categories already chosen in the composer: never suggested again. */
  chosenWarnings?: ContentWarningCategory[];
}

/** A piece of the draft that could identify someone. Offsets are JavaScript string indexes (UTF-16), end exclusive. */
export interface IdentifyingSpan {
  kind: IdentifyingKind;
  field: 'text' | 'title';
  start: number;
  end: number;
}

export interface ComposeCheckResult {
  identifying: IdentifyingSpan[];
  /** Crisis language: the web offers the crisis resources panel first. */
  crisis: boolean;
  /** Categories the words suggest, in taxonomy order, without those already chosen. */
  suggestedWarnings: ContentWarningCategory[];
}
