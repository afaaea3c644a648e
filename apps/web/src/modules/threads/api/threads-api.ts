import type {
  CreatePostRequest,
  CreateThreadRequest,
  EditPostRequest,
  Page,
  PostListItem,
  PostPreview,
  PostView,
  ReactionKind,
  ThreadDetail,
  ThreadSummary,
} from '@kindred/contracts';
import { apiRequest } from '../../../shared/lib/api-client';

const enc = encodeURIComponent;

export function fetchThreads(roomId: string, cursor: string | null, limit: number, signal?: AbortSignal) {
  return apiRequest<Page<ThreadSummary>>(`/api/rooms/${enc(roomId)}/threads`, { signal, query: { cursor, limit } });
}

export function createThread(roomId: string, body: CreateThreadRequest): Promise<ThreadDetail> {
  return apiRequest<ThreadDetail>(`/api/rooms/${enc(roomId)}/threads`, { method: 'POST', body });
}

export function fetchThread(threadId: string, signal?: AbortSignal): Promise<ThreadDetail> {
  return apiRequest<ThreadDetail>(`/api/threads/${enc(threadId)}`, { signal });
}

export function fetchPosts(threadId: string, cursor: string | null, limit: number, signal?: AbortSignal) {
  return apiRequest<Page<PostListItem>>(`/api/threads/${enc(threadId)}/posts`, { signal, query: { cursor, limit } });
}

export function createPost(threadId: string, body: CreatePostRequest): Promise<PostView> {
  return apiRequest<PostView>(`/api/threads/${enc(threadId)}/posts`, { method: 'POST', body });
}

export function editPost(postId: string, body: EditPostRequest): Promise<PostListItem> {
  return apiRequest<PostListItem>(`/api/posts/${enc(postId)}`, { method: 'PATCH', body });
}

export function deletePost(postId: string): Promise<void> {
  return apiRequest<void>(`/api/posts/${enc(postId)}`, { method: 'DELETE' });
}

/** Everything in the room up to now counts as read for the member. */
/** Following brings a quiet notice for replies; muting keeps the thread out of counts and notices. */
export function setThreadFollowed(threadId: string, on: boolean): Promise<void> {
  return apiRequest<void>(`/api/threads/${encodeURIComponent(threadId)}/follow`, { method: on ? 'PUT' : 'DELETE' });
}

export function setThreadMuted(threadId: string, on: boolean): Promise<void> {
  return apiRequest<void>(`/api/threads/${encodeURIComponent(threadId)}/mute`, { method: on ? 'PUT' : 'DELETE' });
}

export function markRoomRead(roomId: string): Promise<void> {
  return apiRequest<void>(`/api/rooms/${enc(roomId)}/read`, { method: 'PUT' });
}

export function setReaction(postId: string, kind: ReactionKind, on: boolean): Promise<void> {
  return apiRequest<void>(`/api/posts/${enc(postId)}/reactions/${enc(kind)}`, { method: on ? 'PUT' : 'DELETE' });
}

/** The server renders the text as it would store it (Markdown and sanitiser); nothing is saved. */
export function previewPost(body: string, signal?: AbortSignal): Promise<PostPreview> {
  return apiRequest<PostPreview>('/api/posts/preview', { method: 'POST', body: { body }, signal });
}
