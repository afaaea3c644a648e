export const moderationKeys = {
  all: ['moderation'] as const,
  queue: ['moderation', 'queue'] as const,
  log: (filters: Record<string, string>) => ['moderation', 'log', filters] as const,
  joinRequests: (roomId: string) => ['moderation', 'join-requests', roomId] as const,
  sanctions: (userId: string) => ['moderation', 'sanctions', userId] as const,
};
