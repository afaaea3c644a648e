import type { ContentWarningInput } from './threads.js';

/** What a draft is for: a new thread in a room, or a reply in a thread. */
export const DRAFT_KINDS = ['thread', 'reply'] as const;
export type DraftKind = (typeof DRAFT_KINDS)[number];

/**
 * Unsent words, kept on the server for the member alone (`/api/me/drafts/{kind}/{targetId}`),
 * one per member per place: nobody else, moderators included, can read or count them.
 */
export interface DraftView {
  kind: DraftKind;
  /** The room (kind `thread`) or the thread (kind `reply`). */
  targetId: string;
  /** Only for a new thread. */
  title: string | null;
  body: string;
  /** The warning choice as far as the member got; checked only when they post. */
  warning: ContentWarningInput;
  /** Only for a reply: the post it answers. */
  replyToPostId: string | null;
  updatedAt: string;
}

/** The draft as it now stands; sizes are the limits for posts. */
export interface SaveDraftRequest {
  title?: string | null;
  body: string;
  warning?: ContentWarningInput;
  replyToPostId?: string | null;
}

/** `GET /api/me/drafts/{kind}/{targetId}`: null when nothing is waiting. */
export interface DraftLookup {
  draft: DraftView | null;
}
