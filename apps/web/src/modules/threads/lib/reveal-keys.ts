/** A thread and its opening post share one key: they carry the same warning and open together. */
export function threadRevealId(threadId: string): string {
  return `thread:${threadId}`;
}

export function postRevealId(postId: string): string {
  return `post:${postId}`;
}
