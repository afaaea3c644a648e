import { Role } from '@kindred/contracts';

/**
 * Every protected thing a person can do, by name. Features add actions here and a rule
 * in AccessService; controllers and services ask the gate, never check roles themselves.
 */
export const Action = {
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
]);

const rank: Record<Role, number> = { [Role.Member]: 0, [Role.Moderator]: 1, [Role.Admin]: 2 };
export const roleAtLeast = (role: Role, minimum: Role) => rank[role] >= rank[minimum];

/** The least site-wide role each action needs; room actions add room rules on top. */
export const MINIMUM_ROLE: Record<Action, Role> = {
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
  [Action.ApiDocsView]: Role.Admin,
};
