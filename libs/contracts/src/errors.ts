/**
 * Every API error has this shape. `code` is stable and machine-readable; `message` is
 * written for the person reading it; `details` carries field-level problems when useful.
 */
export interface ApiError {
  statusCode: number;
  code: ErrorCode;
  /** English, for people reading the API directly; the app renders `code` + `params` itself. */
  message: string;
  details?: ApiErrorDetail[];
  /** What the app needs to word the refusal in the member's language (see `ErrorParams`). */
  params?: ErrorParams;
}

export interface ApiErrorDetail {
  field?: string;
  problem: string;
  /**
   * A stable reason: `validation.<constraint>` for a field that broke a rule (`validation.maxLength`,
   * `validation.isUuid`, `validation.whitelistValidation` for a field that should not be there),
   * or a feature's own, e.g. `password.warning.common`.
   */
  code?: string;
  /**
   * Values the detail code's message refers to: a validation rule's numbers (`{ limit: 200 }` for
   * `validation.maxLength`, `{ min: 3, max: 32 }` for `validation.isLength`), `{ min }` for
   * `password.tooShort`.
   */
  params?: ErrorParams;
}

/**
 * Parameters of a refusal, by code (absent when there are none):
 * - any refusal that ends: `retryAt` (ISO time) and/or `retryAfterSeconds`
 *   (`RATE_LIMITED`, `LOGIN_LOCKED`, `SLOW_MODE`, `MUTED` with an end);
 * - `MUTED`: `sanction` (`mute` | `suspend` | `ban`), `until` (ISO time, when it ends);
 * - `ACCOUNT_SUSPENDED`: `reason` (the moderator's words, as written);
 * - `REPORT_LIMIT`: `limit` (reports per hour);
 * - `CONVERSATION_REQUEST_LIMIT`: `limit` (open requests per 24 hours);
 * - `NOT_FOUND`: `what` (`room`, `thread`, `post`, `message`, `member`, `queue-item`,
 *   `notification`, `session`, `join-request`, `invite`, `sanction`, `decision`, `moderator`,
 *   `conversation`);
 * - `FORBIDDEN`, `CONFLICT`, `VALIDATION_FAILED`: `reason` when the refusal is more specific than
 *   the code (`ErrorReason`).
 */
export type ErrorParams = Record<string, string | number>;

/** The `reason` parameter of FORBIDDEN, CONFLICT and VALIDATION_FAILED refusals. */
export const ErrorReason = {
  // FORBIDDEN
  ModeratorsOnly: 'moderators-only',
  GlobalModeratorsOnly: 'global-moderators-only',
  OwnContentOnly: 'own-content-only',
  // CONFLICT
  AlreadyExists: 'already-exists',
  AlreadyAppealed: 'already-appealed',
  ClaimedByAnother: 'claimed-by-another',
  TwoStepAlreadyOn: 'two-step-already-on',
  TwoStepNotOn: 'two-step-not-on',
  TwoStepNotStarted: 'two-step-not-started',
  // VALIDATION_FAILED
  NotYourself: 'not-yourself',
  ReplyOutsidePlace: 'reply-outside-place',
  ClientIdReused: 'client-id-reused',
  ContradictoryWarning: 'contradictory-warning',
  FieldRequired: 'field-required',
  ActionNotApplicable: 'action-not-applicable',
  UnreadableDate: 'unreadable-date',
  UncheckableValue: 'uncheckable-value',
  /** A personal filter that would match nearly everything (a single letter, only punctuation). */
  FilterTooBroad: 'filter-too-broad',
  /** A member keeps at most PERSONAL_FILTERS_MAX personal filters. */
  TooManyFilters: 'too-many-filters',
} as const;
export type ErrorReason = (typeof ErrorReason)[keyof typeof ErrorReason];

export const ErrorCode = {
  ValidationFailed: 'VALIDATION_FAILED',
  MalformedJson: 'MALFORMED_JSON',
  UnsupportedMediaType: 'UNSUPPORTED_MEDIA_TYPE',
  PayloadTooLarge: 'PAYLOAD_TOO_LARGE',
  NotFound: 'NOT_FOUND',
  /** 404 for something the member may read but chose not to see (a hidden topic, a block). */
  HiddenBySettings: 'HIDDEN_BY_SETTINGS',
  RouteNotFound: 'ROUTE_NOT_FOUND',
  Unauthenticated: 'UNAUTHENTICATED',
  InvalidCredentials: 'INVALID_CREDENTIALS',
  Forbidden: 'FORBIDDEN',
  CrossOriginRejected: 'CROSS_ORIGIN_REJECTED',
  Conflict: 'CONFLICT',
  HandleTaken: 'HANDLE_TAKEN',
  WeakPassword: 'WEAK_PASSWORD',
  RateLimited: 'RATE_LIMITED',
  LoginLocked: 'LOGIN_LOCKED',
  /** Forgot-password: the handle and recovery code do not match (same answer for an unknown handle or a used code). */
  RecoveryCodeInvalid: 'RECOVERY_CODE_INVALID',
  /** Two-step sign-in: the code is wrong, already used, or from a window that has passed. */
  TwoStepCodeInvalid: 'TWO_STEP_CODE_INVALID',
  /** Two-step sign-in: the password step has expired (or never happened); sign in again. */
  TwoStepExpired: 'TWO_STEP_EXPIRED',
  /**
   * Passkeys: the ceremony expired or was used already, or the answer does not check out
   * (unknown passkey, wrong site, a replayed or cloned authenticator). One code, no detail
   * that would help someone guessing.
   */
  PasskeyInvalid: 'PASSKEY_INVALID',
  SetupUnavailable: 'SETUP_UNAVAILABLE',
  SetupTokenInvalid: 'SETUP_TOKEN_INVALID',
  InvalidCursor: 'INVALID_CURSOR',
  WarningRequired: 'WARNING_REQUIRED',
  GuidelinesNotAccepted: 'GUIDELINES_NOT_ACCEPTED',
  InviteInvalid: 'INVITE_INVALID',
  /** Registration is closed by the admins for now. */
  RegistrationClosed: 'REGISTRATION_CLOSED',
  /** Registration is invite-only and no invite code was given. */
  InviteRequired: 'INVITE_REQUIRED',
  /** The room is archived: it can be read by those who could, but nothing new is written. */
  RoomArchived: 'ROOM_ARCHIVED',
  NotAMember: 'NOT_A_MEMBER',
  ThreadLocked: 'THREAD_LOCKED',
  SlowMode: 'SLOW_MODE',
  PostNotEditable: 'POST_NOT_EDITABLE',
  Muted: 'MUTED',
  ChatLocked: 'CHAT_LOCKED',
  NotInRoom: 'NOT_IN_ROOM',
  ReportLimit: 'REPORT_LIMIT',
  AlreadyDecided: 'ALREADY_DECIDED',
  SameModerator: 'SAME_MODERATOR',
  NotAppealable: 'NOT_APPEALABLE',
  /** A care response (check in, mark supported, hand over) on a queue item that is not about a crisis. */
  NotACrisisItem: 'NOT_A_CRISIS_ITEM',
  /**
   * A conversation cannot start with someone: their setting, no shared room, or a block either
   * way. One answer for all of them, so a blocked person cannot tell they were blocked.
   */
  MessagesNotAccepted: 'MESSAGES_NOT_ACCEPTED',
  /** Too many open conversation requests in 24 hours (`limit`). */
  ConversationRequestLimit: 'CONVERSATION_REQUEST_LIMIT',
  /** A support session would overlap another in the same room. */
  SessionOverlap: 'SESSION_OVERLAP',
  /** Every place in the support session is taken. */
  SessionFull: 'SESSION_FULL',
  /** A support session's capacity cannot go below the members who already RSVPed (`count`). */
  CapacityBelowRsvps: 'CAPACITY_BELOW_RSVPS',
  AccountSuspended: 'ACCOUNT_SUSPENDED',
  ServiceUnavailable: 'SERVICE_UNAVAILABLE',
  Internal: 'INTERNAL',
  HttpError: 'HTTP_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
