import { Role } from '@kindred/contracts';

/**
 * Every protected thing a person can do, by name. Features add actions here and a rule
 * in AccessService; controllers and services ask the gate, never check roles themselves.
 */
export const Action = {
  /** Start a session after the password was checked (refused while banned). */
  SignIn: 'account.sign-in',
  AccountRead: 'account.read',
  AccountManage: 'account.manage',
  AdminUsersRead: 'admin.users.read',
  AdminUsersChangeRole: 'admin.users.change-role',
  RoomCreate: 'room.create',
  /** See that the room exists: its name, description and guidelines. */
  RoomView: 'room.view',
  /** Read its threads and posts. */
  RoomRead: 'room.read',
  RoomJoin: 'room.join',
  /** Join with an invite code: the code itself is the proof, so even hidden rooms allow it. */
  RoomRedeemInvite: 'room.redeem-invite',
  /** Start threads and reply. */
  RoomPost: 'room.post',
  /** Moderator work in this room: join requests, invites, warnings, edit history. */
  RoomModerate: 'room.moderate',
  /** Change the room's settings. */
  RoomConfigure: 'room.configure',
  RoomAppointModerators: 'room.appoint-moderators',
  /** Site-staff room settings (name, visibility, warnings, pre-moderation), archive and restore. */
  RoomAdminister: 'room.administer',
  /** Registration mode, demo notice and crisis resources per country. */
  SiteSettingsManage: 'site.settings.manage',
  /** Site invite codes (registering while registration is invite-only). */
  SiteInvitesManage: 'site.invites.manage',
  /** See a room's support sessions (and withdraw one's own RSVP): whoever may read the room. */
  SessionsRead: 'room.sessions.read',
  /** Schedule, edit and cancel support sessions, and see who RSVPed: the room's moderators (facilitators) and staff. */
  SessionsFacilitate: 'room.sessions.facilitate',
  /** Take a place in a support session: members of the room. */
  SessionsRsvp: 'room.sessions.rsvp',
  /** See the room directory: listed rooms for everyone, hidden ones for members and staff. */
  RoomDirectory: 'room.directory',
  /** Search posts across the rooms one may read (or in one room). */
  Search: 'search',
  /** Work the moderation queue: the rooms one moderates, or everywhere for staff. */
  ModerationQueue: 'moderation.queue',
  /** Read the moderation log of the rooms one moderates. */
  ModerationLogRead: 'moderation.log.read',
  /** See a member's active restrictions in the rooms one moderates. */
  SanctionsRead: 'moderation.sanctions.read',
  /** Site-wide sanctions (suspend, ban, and warnings or lifts without a room). */
  SiteSanction: 'moderation.site-sanction',
  /** Write and edit the check-in templates moderators pick from. */
  CareTemplatesManage: 'moderation.care-templates.manage',
  /** Start a private conversation with other members (their settings and blocks are checked after). */
  ConversationStart: 'conversation.start',
  /** Open a check-in conversation with a member, as a moderator or admin. */
  ConversationCheckIn: 'conversation.check-in',
  /** Read a conversation one is in (a request: only its first message). Nobody else, moderators included. */
  ConversationRead: 'conversation.read',
  /** Accept, decline, leave or mute a conversation one is in or is asked into. */
  ConversationRespond: 'conversation.respond',
  /** Hear a conversation live (and say one is typing): only once one is in it (a request is answered first). */
  ConversationListen: 'conversation.listen',
  /** Write in a conversation one is in; a site-wide suspension stops it, as it stops posts. */
  ConversationPost: 'conversation.post',
  /** Review the labels moderators put on members' words for the crisis detector, and export them. */
  CrisisLabelsReview: 'moderation.crisis-labels.review',
  /** Read /api/docs and /api/openapi.json when API_DOCS=admins. */
  ApiDocsView: 'api-docs.view',
} as const;
export type Action = (typeof Action)[keyof typeof Action];

export const ROOM_ACTIONS: ReadonlySet<Action> = new Set([
  Action.RoomView,
  Action.RoomRead,
  Action.RoomJoin,
  Action.RoomRedeemInvite,
  Action.RoomPost,
  Action.RoomModerate,
  Action.RoomConfigure,
  Action.RoomAppointModerators,
  Action.RoomAdminister,
  Action.SessionsRead,
  Action.SessionsFacilitate,
  Action.SessionsRsvp,
]);

/** Actions on one conversation: decided on where the actor stands in it. */
export const CONVERSATION_ACTIONS: ReadonlySet<Action> = new Set([Action.ConversationRead, Action.ConversationRespond, Action.ConversationListen, Action.ConversationPost]);

/** Actions scoped to the rooms one moderates (all rooms for staff); the refusal names the tool. */
export const MODERATION_SCOPED: ReadonlyMap<Action, string> = new Map([
  [Action.ModerationQueue, 'The moderation queue is for moderators.'],
  [Action.ModerationLogRead, 'The moderation log is for moderators.'],
  [Action.SanctionsRead, 'Only moderators can see restrictions.'],
  [Action.ConversationCheckIn, 'Check-ins are opened by moderators.'],
]);

/** Refusals that say more than "not allowed". */
export const REFUSAL: Partial<Record<Action, string>> = {
  [Action.SiteSanction]: 'Only global moderators can suspend or ban.',
  [Action.CareTemplatesManage]: 'Only admins can change the check-in templates.',
  [Action.CrisisLabelsReview]: 'Only admins can review the labelled words for the crisis detector.',
  [Action.SiteSettingsManage]: 'Only admins can change the site settings.',
  [Action.SiteInvitesManage]: 'Only admins can manage site invite codes.',
};

const rank: Record<Role, number> = { [Role.Member]: 0, [Role.Moderator]: 1, [Role.Admin]: 2 };
export const roleAtLeast = (role: Role, minimum: Role) => rank[role] >= rank[minimum];

/** The least site-wide role each action needs; room actions add room rules on top. */
export const MINIMUM_ROLE: Record<Action, Role> = {
  [Action.SignIn]: Role.Member,
  [Action.AccountRead]: Role.Member,
  [Action.AccountManage]: Role.Member,
  [Action.AdminUsersRead]: Role.Admin,
  [Action.AdminUsersChangeRole]: Role.Admin,
  [Action.RoomCreate]: Role.Admin,
  [Action.RoomView]: Role.Member,
  [Action.RoomRead]: Role.Member,
  [Action.RoomJoin]: Role.Member,
  [Action.RoomRedeemInvite]: Role.Member,
  [Action.RoomPost]: Role.Member,
  [Action.RoomModerate]: Role.Member,
  [Action.RoomConfigure]: Role.Member,
  [Action.RoomAppointModerators]: Role.Admin,
  [Action.RoomAdminister]: Role.Admin,
  [Action.SiteSettingsManage]: Role.Admin,
  [Action.SiteInvitesManage]: Role.Admin,
  [Action.RoomDirectory]: Role.Member,
  [Action.SessionsRead]: Role.Member,
  [Action.SessionsFacilitate]: Role.Member,
  [Action.SessionsRsvp]: Role.Member,
  [Action.Search]: Role.Member,
  [Action.ModerationQueue]: Role.Member,
  [Action.ModerationLogRead]: Role.Member,
  [Action.SanctionsRead]: Role.Member,
  [Action.SiteSanction]: Role.Moderator,
  [Action.CareTemplatesManage]: Role.Admin,
  [Action.CrisisLabelsReview]: Role.Admin,
  [Action.ApiDocsView]: Role.Admin,
  [Action.ConversationStart]: Role.Member,
  [Action.ConversationCheckIn]: Role.Member,
  [Action.ConversationRead]: Role.Member,
  [Action.ConversationRespond]: Role.Member,
  [Action.ConversationListen]: Role.Member,
  [Action.ConversationPost]: Role.Member,
};
