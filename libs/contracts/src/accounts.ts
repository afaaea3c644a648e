import type { Language } from './languages.js';
import type { Role } from './roles.js';

/** Handles are pseudonyms: short, plain characters, compared case-insensitively. */
export const HANDLE_MIN_LENGTH = 3;
export const HANDLE_MAX_LENGTH = 32;
export const HANDLE_PATTERN_SOURCE = '^[A-Za-z0-9_-]+$';
export const PASSWORD_MIN_LENGTH = 10;
/** Upper bound keeps hashing cost bounded; long passphrases still fit. */
export const PASSWORD_MAX_LENGTH = 256;
/** zxcvbn's 0–4 guessability score a new password must reach ("safely unguessable"). */
export const PASSWORD_MIN_SCORE = 3;
export const EMAIL_MAX_LENGTH = 254;

export const HANDLE_GUIDANCE =
  'Choose a pseudonym, not your real name. Avoid anything someone who knows you could ' +
  'recognise: names, birthdays, places, or handles you use elsewhere.';

export interface RegisterRequest {
  handle: string;
  password: string;
  /** Accepted for older clients, stored only to be exported or erased; the app no longer asks. */
  email?: string;
  /** A site invite code: required while registration is invite-only. */
  inviteCode?: string;
}

/** Single-use recovery codes: shown once, kept by the member, stored only as keyed hashes. */
export const RECOVERY_CODE_COUNT = 10;
/** Ten Crockford base32 characters (50 bits), shown as two groups of five: `ABCDE-FGH23`. */
export const RECOVERY_CODE_MAX_LENGTH = 32;

/** Registration answers with the new member and their recovery codes (shown once, never again). */
export interface RegisterResponse extends CurrentUser {
  recoveryCodes: string[];
}

/** Forgot password: a recovery code proves the account; every other session ends. */
export interface RecoverAccountRequest {
  handle: string;
  recoveryCode: string;
  newPassword: string;
}

/** Regenerating voids the old set; the password is asked again so an open session alone is not enough. */
export interface RegenerateRecoveryCodesRequest {
  password: string;
}

export interface RecoveryCodesResponse {
  recoveryCodes: string[];
}

export interface RecoveryCodesStatus {
  /** Unused codes left; 0 means the member should make a new set. */
  remaining: number;
}

/** Sign-in history is kept 30 days, with the time rounded down to the hour. */
export const SIGN_IN_HISTORY_DAYS = 30;
export const SIGN_IN_OUTCOMES = ['success', 'failure'] as const;
export type SignInOutcome = (typeof SIGN_IN_OUTCOMES)[number];
export const SIGN_IN_METHODS = ['registration', 'password', 'recovery-code', 'two-step', 'passkey'] as const;
export type SignInMethod = (typeof SIGN_IN_METHODS)[number];

/**
 * A device as the app words it: the browser and system families by name (product names, the
 * same in every language), null where they were not recognised. `deviceKindOf` reads it from
 * a `device` label, which is English ("Firefox on Android", "Unknown browser on Linux").
 */
export interface DeviceKind {
  browser: string | null;
  system: string | null;
}

const UNKNOWN_BROWSER = 'Unknown browser';
const UNKNOWN_SYSTEM = 'unknown system';

/** The `device` label the API stores and sends: "Firefox on Android". */
export function deviceLabelOf({ browser, system }: DeviceKind): string {
  return `${browser ?? UNKNOWN_BROWSER} on ${system ?? UNKNOWN_SYSTEM}`;
}

/** The kind a `device` label names (labels are only ever made by `deviceLabelOf`). */
export function deviceKindOf(label: string): DeviceKind {
  const at = label.lastIndexOf(' on ');
  const browser = at < 0 ? label : label.slice(0, at);
  const system = at < 0 ? '' : label.slice(at + 4);
  return { browser: browser && browser !== UNKNOWN_BROWSER ? browser : null, system: system && system !== UNKNOWN_SYSTEM ? system : null };
}

export interface SignInHistoryEntry {
  /** The start of the hour it happened in (coarse on purpose). */
  hour: string;
  outcome: SignInOutcome;
  method: SignInMethod;
  /** The same coarse label as sessions: browser and system family, in English. */
  device: string;
  /** The same, for the app to word in the member's language. */
  deviceKind: DeviceKind;
}

/** "Someone else may know my password": one step that locks them out. */
export interface SecureAccountRequest {
  currentPassword: string;
  newPassword: string;
}

export interface SecureAccountResponse {
  /** Other sessions ended (their sockets too). */
  revoked: number;
  /** The new set; the old codes no longer work. */
  recoveryCodes: string[];
}

/** Sign-in answers with the member, or asks for the second step (a pending cookie is set). */
export interface TwoStepRequired {
  twoStepRequired: true;
}
export type LoginResponse = CurrentUser | TwoStepRequired;

/** The second step: a 6-digit code from the authenticator app, or a recovery code. */
export interface TwoStepLoginRequest {
  code: string;
}

export interface TotpStatus {
  enabled: boolean;
}

export interface TotpSetupRequest {
  password: string;
}

/** Shown while setting up; the secret is never returned again once confirmed. */
export interface TotpSetupResponse {
  otpauthUri: string;
  /** A QR code made on the server (an SVG data URL); no outside service sees the secret. */
  qrDataUrl: string;
  /** The same secret in base32, for typing into the app by hand. */
  secret: string;
}

export interface TotpConfirmRequest {
  code: string;
}

export interface TotpDisableRequest {
  password: string;
  code: string;
}

/** Passkeys (WebAuthn): a sign-in method of its own that counts as both steps. */
export const PASSKEY_NAME_MAX_LENGTH = 60;
/** A member keeps a handful at most; more is more for an intruder to hide one among. */
export const PASSKEY_MAX_PER_MEMBER = 10;

/** Public facts about one passkey; never the key itself. */
export interface PasskeySummary {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  /** Synced by the phone or password manager (it can be used on the member's other devices). */
  backedUp: boolean;
}

/** Adding a passkey asks for the password again, so an open session alone cannot add one. */
export interface PasskeyRegistrationOptionsRequest {
  password: string;
}

/**
 * The browser's answers, as `PublicKeyCredential.toJSON()` (and @simplewebauthn/browser) give
 * them; the server checks them, so the shapes here are kept loose.
 */
export interface PasskeyRegistrationRequest {
  name: string;
  response: object;
}

export interface PasskeySignInRequest {
  response: object;
}

/** Removing a passkey asks for the password again. */
export interface RemovePasskeyRequest {
  password: string;
}

export interface LoginRequest {
  handle: string;
  password: string;
}

export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

export interface SetupAdminRequest {
  token: string;
  handle: string;
  password: string;
}

export interface SetupStatus {
  /** True while no admin exists; the setup link printed in the server console works then. */
  needed: boolean;
}

export interface CurrentUser {
  id: string;
  handle: string;
  role: Role;
  createdAt: string;
  /** The member's chosen language; null follows the browser's. */
  language: Language | null;
}

/**
 * `GET /api/auth/me`: who this browser is signed in as. Signed out is an ordinary answer
 * (`user: null`, status 200), so a logged-out page load logs no error.
 */
export interface MeResponse {
  user: CurrentUser | null;
}

export interface SessionSummary {
  id: string;
  current: boolean;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  /** A coarse device label (browser and OS family) in English, never the full user agent or an IP. */
  device: string;
  /** The same, for the app to word in the member's language. */
  deviceKind: DeviceKind;
}

export interface LogoutEverywhereResponse {
  revoked: number;
}
