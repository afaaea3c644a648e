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
} as const;
export type Action = (typeof Action)[keyof typeof Action];

const rank: Record<Role, number> = { [Role.Member]: 0, [Role.Moderator]: 1, [Role.Admin]: 2 };
export const roleAtLeast = (role: Role, minimum: Role) => rank[role] >= rank[minimum];

/** Site-wide actions decided by role alone. Room-scoped rules arrive with rooms. */
export const MINIMUM_ROLE: Record<Action, Role> = {
  [Action.AccountRead]: Role.Member,
  [Action.AccountManage]: Role.Member,
  [Action.AdminUsersRead]: Role.Admin,
  [Action.AdminUsersChangeRole]: Role.Admin,
};
