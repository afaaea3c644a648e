export const RoomVisibility = {
  Listed: 'listed',
  Hidden: 'hidden',
} as const;
export type RoomVisibility = (typeof RoomVisibility)[keyof typeof RoomVisibility];

export const JoinPolicy = {
  Open: 'open',
  Request: 'request',
  Invite: 'invite',
} as const;
export type JoinPolicy = (typeof JoinPolicy)[keyof typeof JoinPolicy];

export interface RoomSummary {
  id: string;
  slug: string;
  name: string;
  description: string;
  visibility: RoomVisibility;
  joinPolicy: JoinPolicy;
}
