/** Where a room's unsent new thread waits (in memory, see shared/lib/drafts), by room. */
export const newThreadDraftKey = (roomId: string) => `thread:${roomId}:`;
