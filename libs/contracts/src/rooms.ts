import type { ContentWarningCategory } from './content-warnings.js';

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

export const RoomRole = {
  Member: 'member',
  Moderator: 'moderator',
} as const;
export type RoomRole = (typeof RoomRole)[keyof typeof RoomRole];

export const ROOM_NAME_MAX_LENGTH = 80;
export const ROOM_SLUG_MAX_LENGTH = 64;
export const ROOM_SLUG_PATTERN_SOURCE = '^[a-z0-9]+(?:-[a-z0-9]+)*$';
export const ROOM_DESCRIPTION_MAX_LENGTH = 500;
export const ROOM_GUIDELINES_MAX_LENGTH = 10_000;
export const JOIN_REQUEST_MESSAGE_MAX_LENGTH = 500;
export const MAX_PREMODERATED_POSTS = 20;
export const MAX_SLOW_MODE_SECONDS = 3_600;

export interface RoomSettings {
  /** New threads must carry an explicit warning choice ("none apply" counts). */
  requireContentWarning: boolean;
  /** Suggested categories pre-selected in the composer. */
  defaultWarnings: ContentWarningCategory[];
  /** Hold a new member's first N posts and threads for moderator review; 0 turns it off. */
  premoderateFirstPosts: number;
  /** Seconds a member waits between posts in this room; moderators are exempt. 0 = off. */
  threadSlowModeSeconds: number;
}

export interface RoomSummary {
  id: string;
  slug: string;
  name: string;
  description: string;
  visibility: RoomVisibility;
  joinPolicy: JoinPolicy;
  /** Present once an admin archived the room (read-only, out of the directory for members). */
  archivedAt?: string;
  /** Present when the viewer is signed in. */
  viewer?: Pick<RoomViewerState, 'isMember' | 'role' | 'joinRequestPending'>;
  /** In the directory, for the viewer's own rooms only: what is new for them there. */
  unread?: RoomUnread;
}

/**
 * The room directory counts up to here, so its cards can say "20+" (more than 20). Each load
 * counts for every room the member is in, reading rows up to the cap: a glance across rooms needs
 * "a few" or "many", and a lower cap than a thread's (UNREAD_COUNT_CAP) keeps that read small.
 */
export const ROOM_UNREAD_COUNT_CAP = 21;

/** What is new for a member in one of their rooms, filtered as their thread pages are; each at most ROOM_UNREAD_COUNT_CAP. */
export interface RoomUnread {
  /** Threads started since they joined or marked the room read, that they never opened. */
  newThreads: number;
  /** Posts after where they stopped reading, in threads they opened. */
  unreadPosts: number;
}

/** What the viewer's relationship to the room is; drives which buttons the app shows. */
export interface RoomViewerState {
  isMember: boolean;
  role: RoomRole | null;
  canModerate: boolean;
  joinRequestPending: boolean;
  /** The viewer follows the room: they hear of each new thread there (see notification settings). */
  following: boolean;
}

export interface RoomDetail extends RoomSummary, RoomSettings {
  guidelines: string;
  guidelinesHtml: string;
  memberCount: number;
  threadCount: number;
  viewer: RoomViewerState;
}

export interface CreateRoomRequest extends Partial<RoomSettings> {
  slug: string;
  name: string;
  description: string;
  guidelines: string;
  visibility: RoomVisibility;
  joinPolicy: JoinPolicy;
}

export type UpdateRoomRequest = Partial<Omit<CreateRoomRequest, 'slug'>> & {
  /** For the moderation log; a default is written when left out. */
  reason?: string;
};

/**
 * Room settings a room's own moderators may change; the rest (name, visibility, warnings,
 * pre-moderation) are for site staff.
 */
export const ROOM_MODERATOR_FIELDS = ['description', 'guidelines', 'joinPolicy', 'threadSlowModeSeconds'] as const;

export interface JoinRoomRequest {
  /** The member has read and accepts the room's guidelines. Must be true. */
  acceptGuidelines: boolean;
  /** For `invite` rooms. */
  inviteCode?: string;
  /** For `request` rooms: an optional note to the moderators. */
  message?: string;
}

export const JoinOutcome = {
  Joined: 'joined',
  Requested: 'requested',
  AlreadyMember: 'already-member',
} as const;
export type JoinOutcome = (typeof JoinOutcome)[keyof typeof JoinOutcome];

export interface JoinRoomResponse {
  outcome: JoinOutcome;
}

export const JoinRequestStatus = {
  Pending: 'pending',
  Approved: 'approved',
  Denied: 'denied',
} as const;
export type JoinRequestStatus = (typeof JoinRequestStatus)[keyof typeof JoinRequestStatus];

export interface JoinRequestView {
  id: string;
  roomId: string;
  user: { id: string; handle: string };
  message: string | null;
  status: JoinRequestStatus;
  createdAt: string;
}

export interface DecideJoinRequest {
  approve: boolean;
  reason?: string;
}

export interface CreateInviteRequest {
  /** Hours until the code stops working (1 hour – 90 days). */
  expiresInHours: number;
  maxUses: number;
}

export interface InviteView {
  id: string;
  /** Shown once, at creation; later listings omit it. */
  code?: string;
  expiresAt: string;
  maxUses: number;
  uses: number;
  revoked: boolean;
}

export interface RedeemInviteRequest {
  code: string;
  acceptGuidelines: boolean;
}

export interface RedeemInviteResponse {
  outcome: JoinOutcome;
  room: RoomSummary;
}

export interface AppointModeratorRequest {
  userId: string;
  /** For the moderation log; a default is written when left out. */
  reason?: string;
}
