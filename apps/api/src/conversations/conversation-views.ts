import { ConversationKind, MODERATION_TEAM_AUTHOR, type AuthorView, type ChatItem, type ChatMessageView, type ConversationParticipantView, type ConversationStanding, type ConversationSummary } from '@kindred/contracts';
import type { ConversationRow, ParticipantRow } from './conversation.repository.js';

const FORMER_MEMBER: Omit<AuthorView, 'id'> = { handle: 'former member' };

/** Joined means accepted; having left is never shown, so a blocked person cannot tell. */
const joined = (p: ParticipantRow) => p.state === 'active' || p.state === 'left';

/**
 * Where the viewer stands: asked (`request`), waiting for anyone to accept what they started
 * (`pending`: a decline looks the same, forever), or in it with someone (`active`).
 */
export function standingOf(row: ConversationRow, viewerId: string): ConversationStanding {
  const mine = row.participants.find((p) => p.user_id === viewerId);
  if (mine?.state === 'invited') return 'request';
  return row.participants.some((p) => p.user_id !== viewerId && joined(p)) ? 'active' : 'pending';
}

/** One conversation as one participant sees it; a moderator writing as the team is not named. */
export function conversationSummary(row: ConversationRow, viewerId: string, handles: Map<string, AuthorView>, unread: number): ConversationSummary {
  const author = (id: string): AuthorView => handles.get(id) ?? { id, ...FORMER_MEMBER };
  const starter = row.participants.find((p) => p.user_id === row.started_by);
  const mine = row.participants.find((p) => p.user_id === viewerId);
  const others: ConversationParticipantView[] = row.participants
    .filter((p) => p.user_id !== viewerId)
    .map((p) => ({ member: p.as_team ? null : author(p.user_id), joined: joined(p), team: p.as_team }));
  return {
    id: row.id,
    kind: row.kind,
    fromTeam: row.kind === ConversationKind.CheckIn,
    standing: standingOf(row, viewerId),
    startedBy: starter?.as_team ? null : author(row.started_by),
    others,
    muted: !!mine?.muted,
    unread,
    createdAt: row.created_at.toISOString(),
    lastActivityAt: row.last_activity_at.toISOString(),
  };
}

/** A message written as the moderation team, as everyone is shown it live. */
export const teamAuthoredMessage = (message: ChatMessageView): ChatMessageView => ({ ...message, author: MODERATION_TEAM_AUTHOR, team: true });

/** Messages a moderator wrote as the team carry the team as author for everyone but them. */
export function teamAuthored(items: ChatItem[], row: ConversationRow, viewerId: string): ChatItem[] {
  const team = new Set(row.participants.filter((p) => p.as_team && p.user_id !== viewerId).map((p) => p.user_id));
  if (team.size === 0) return items;
  return items.map((item) => (item.kind === 'message' && team.has(item.author.id) ? teamAuthoredMessage(item) : item));
}
