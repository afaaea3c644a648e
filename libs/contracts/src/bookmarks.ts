import type { SearchResult } from './threads.js';

/** A private note kept with a saved post. */
export const BOOKMARK_NOTE_MAX_LENGTH = 500;

/** `PUT /api/posts/{id}/bookmark`: save a post (again, to change its note). */
export interface SaveBookmarkRequest {
  note?: string | null;
}

/** One of the member's saved posts (`GET /api/me/bookmarks`); nobody else ever sees them. */
export interface BookmarkView {
  postId: string;
  note: string | null;
  savedAt: string;
  /**
   * The post where it lives, as the member sees it now (the shape of a search result). Null when
   * it is no longer theirs to read: removed, hidden, held, dropped by their settings or a block,
   * or in a room they can no longer read. The placeholder says so and carries none of its words.
   */
  saved: SearchResult | null;
}
