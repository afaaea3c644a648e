import type { Role } from './roles.js';

// Site-wide settings admins change at run time: who may register, the demo-data notice, and
// crisis resources per country (overriding the configured defaults for that country).

export const RegistrationMode = {
  /** Anyone may create an account. */
  Open: 'open',
  /** An account needs a valid site invite code. */
  InviteOnly: 'invite-only',
  /** No new accounts. */
  Closed: 'closed',
} as const;
export type RegistrationMode = (typeof RegistrationMode)[keyof typeof RegistrationMode];
export const REGISTRATION_MODES: readonly RegistrationMode[] = Object.values(RegistrationMode);

/** Every admin change to the site or a room carries a reason for the moderation log. */
export const ADMIN_REASON_MAX_LENGTH = 500;

/** `GET /api/site`: what anyone (signed out too) needs to know before registering. */
export interface PublicSiteView {
  registrationMode: RegistrationMode;
  /** Show a notice that the rooms and posts are demo data. */
  demoNotice: boolean;
}

/** A crisis resource as admins write it (the same shape CRISIS_RESOURCES_JSON takes). */
export interface CrisisResourceInput {
  id: string;
  /** A plain text, or `{ en, es, … }` with English present. */
  name: string | Record<string, string>;
  description: string | Record<string, string>;
  phone?: string;
  text?: { number: string; keyword?: string };
  website?: string;
  languages?: string[];
}

/** `GET /api/admin/site-settings`. */
export interface SiteSettingsView extends PublicSiteView {
  /** Countries whose resources admins replaced at run time, keyed by ISO 3166-1 alpha-2. */
  crisisOverrides: Record<string, CrisisResourceInput[]>;
  /** Countries with resources from the configuration (before overrides). */
  configuredCountries: string[];
  updatedAt: string | null;
}

export interface UpdateSiteSettingsRequest {
  registrationMode?: RegistrationMode;
  demoNotice?: boolean;
  reason: string;
}

/** `PUT /api/admin/site-settings/crisis-resources/:country`. */
export interface SetCountryResourcesRequest {
  /** null: use the configured resources for this country again. */
  resources: CrisisResourceInput[] | null;
  reason: string;
}

export interface CreateSiteInviteRequest {
  expiresInHours: number;
  maxUses: number;
  reason?: string;
}

/** A site invite code (for registering while registration is invite-only). */
export interface SiteInviteView {
  id: string;
  /** Shown once, at creation; later listings omit it. */
  code?: string;
  expiresAt: string;
  maxUses: number;
  uses: number;
  revoked: boolean;
  createdAt: string;
}

/** `GET /api/admin/users?q=`: members found by handle, for appointing moderators and roles. */
export interface AdminUserView {
  id: string;
  handle: string;
  role: Role;
}

export interface ChangeRoleRequest {
  role: Role;
  reason: string;
}

export interface ArchiveRoomRequest {
  reason: string;
}

/** `GET /api/rooms/:room/moderators`. */
export interface RoomModeratorView {
  userId: string;
  handle: string;
}
