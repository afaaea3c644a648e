import type { BookmarkView, Page, SaveBookmarkRequest } from '@kindred/contracts';
import { apiRequest } from '../../../shared/lib/api-client';

const enc = encodeURIComponent;

export function fetchBookmarks(cursor: string | null, signal?: AbortSignal): Promise<Page<BookmarkView>> {
  return apiRequest<Page<BookmarkView>>('/api/me/bookmarks', { signal, query: { cursor } });
}

/** Saves the post, or changes the note of one already saved. */
export function saveBookmark(postId: string, body: SaveBookmarkRequest): Promise<void> {
  return apiRequest<void>(`/api/posts/${enc(postId)}/bookmark`, { method: 'PUT', body });
}

export function removeBookmark(postId: string): Promise<void> {
  return apiRequest<void>(`/api/posts/${enc(postId)}/bookmark`, { method: 'DELETE' });
}
