/** Where a room's unsent new thread waits in memory (see shared/lib/drafts), by room. */
export const newThreadDraftKey = (roomId: string) => `thread:${roomId}:`;

/** Where a thread's unsent reply waits in memory, by thread. */
export const replyDraftKey = (threadId: string) => `reply:${threadId}:`;

/** The post a reply answers: its handle when chosen on this page, null when brought back from a saved draft. */
export interface ReplyTarget {
  postId: string;
  handle: string | null;
}

/** The in-memory key of a reply draft's target ("Reply to this" on a post sets it). */
export const replyTargetKey = (threadId: string) => `${replyDraftKey(threadId)}replyTo`;

/** The element id of a post on the thread page, for links back to it. */
export const postElementId = (postId: string) => `post-${postId}`;

/** Brings a post on the page into view and gives it focus, without a history entry (quick exit counts on that). */
export function focusPost(postId: string): void {
  const element = document.getElementById(postElementId(postId));
  if (!element) return;
  element.scrollIntoView({ block: 'center', behavior: window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
  element.focus({ preventScroll: true });
}
