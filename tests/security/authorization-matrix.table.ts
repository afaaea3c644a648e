/**
 * THE authorization matrix: every REST route and every socket event, against every kind of
 * actor, with the outcome the product promises. `authorization-matrix.test.ts` runs every
 * cell against the real app and fails when a route or event exists without a row here.
 *
 * Who the actors are (see `support/matrix-world.ts` for how the world is built):
 *   anonymous          no session cookie
 *   member             member of room A (listed, invite-only); not the author of the content
 *   otherRoomMember    member of room B only (A is listed, so it is visible but not readable)
 *   privateOutsider    signed-in member, acting on room H (hidden, invite-only) they do not belong to
 *   muted              member of A, muted in A by A's moderator (moderation API)
 *   suspended          member of A, suspended site-wide by a global moderator (moderation API)
 *   banned             member of A, banned by a global moderator; presents the cookie the ban revoked
 *   blocked            member of A, blocked by the author of the content (one-way and private)
 *   otherRoomModerator moderator of room B, not a member of A
 *   roomModerator      moderator of room A
 *   globalModerator    site role moderator, not a member of A
 *   admin              site role admin, not a member of A
 * The content acted on (thread, opening post, chat message, queue item) lives in room A
 * (in room H for privateOutsider) and belongs to `author`, who blocked `blocked`.
 *
 * Outcomes. REST: `200` (status) or `'403 MUTED'` (status and error code); every 4xx must
 * also be in the one error shape. Sockets: `'ok'` (ack `{ok:true}`), an error code (ack
 * `{ok:false, code}`), or `'refused'` (the handshake is refused with UNAUTHENTICATED).
 * A `#variant` after the path marks a second row for the same route with different targets.
 */

export const ACTORS = [
  'anonymous',
  'member',
  'otherRoomMember',
  'privateOutsider',
  'muted',
  'suspended',
  'banned',
  'blocked',
  'otherRoomModerator',
  'roomModerator',
  'globalModerator',
  'admin',
] as const;
export type Actor = (typeof ACTORS)[number];

export type RestOutcome = number | `${number} ${string}`;
export type SocketOutcome = 'ok' | 'refused' | string;
type Grid<T> = readonly [T, T, T, T, T, T, T, T, T, T, T, T];

export interface RestRow {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** OpenAPI-style path: `/api/rooms/{room}/threads`. */
  path: string;
  variant?: string;
  expect: Record<Actor, RestOutcome>;
}

export interface SocketRow {
  event: string;
  variant?: string;
  expect: Record<Actor, SocketOutcome>;
}

/**
 * Cells where the app does not (yet) do what the matrix promises: each must name the row, the
 * actors and the observed outcome, and its row test pins that outcome until it is fixed.
 */
export interface KnownBug {
  row: string;
  actors: Actor[];
  actual: string;
  why: string;
}

const cells = <T>(values: Grid<T>): Record<Actor, T> => Object.fromEntries(ACTORS.map((a, i) => [a, values[i]])) as Record<Actor, T>;
const rest = (method: RestRow['method'], pathAndVariant: string, values: Grid<RestOutcome>): RestRow => {
  const [path, variant] = pathAndVariant.split('#') as [string, string | undefined];
  return { method, path, ...(variant ? { variant } : {}), expect: cells(values) };
};
const socket = (eventAndVariant: string, values: Grid<SocketOutcome>): SocketRow => {
  const [event, variant] = eventAndVariant.split('#') as [string, string | undefined];
  return { event, ...(variant ? { variant } : {}), expect: cells(values) };
};

export const rowKey = (row: RestRow | SocketRow): string =>
  'method' in row ? `${row.method} ${row.path}${row.variant ? `#${row.variant}` : ''}` : `${row.event}${row.variant ? `#${row.variant}` : ''}`;

const M = '403 MUTED';
const NM = '403 NOT_A_MEMBER';
const INV = '400 INVITE_INVALID';

// prettier-ignore
export const REST_MATRIX: readonly RestRow[] = [
  //                                                         anon  member other outsider muted suspend banned blocked modOther modRoom global admin
  // Public
  rest('GET',    '/api/health',                             [200,  200,   200,  200,     200,  200,    200,   200,    200,     200,    200,   200]),
  rest('GET',    '/api/openapi.json',                       [200,  200,   200,  200,     200,  200,    200,   200,    200,     200,    200,   200]),
  rest('GET',    '/api/docs',                               [200,  200,   200,  200,     200,  200,    200,   200,    200,     200,    200,   200]),
  // Help must be findable signed out, suspended or banned (a banned cookie reads as signed out).
  rest('GET',    '/api/crisis-resources',                   [200,  200,   200,  200,     200,  200,    200,   200,    200,     200,    200,   200]),
  rest('GET',    '/api/crisis-resources/countries',         [200,  200,   200,  200,     200,  200,    200,   200,    200,     200,    200,   200]),
  rest('GET',    '/api/setup/status',                       [200,  200,   200,  200,     200,  200,    200,   200,    200,     200,    200,   200]),
  rest('POST',   '/api/setup/admin',                        ['409 SETUP_UNAVAILABLE', '409 SETUP_UNAVAILABLE', '409 SETUP_UNAVAILABLE', '409 SETUP_UNAVAILABLE', '409 SETUP_UNAVAILABLE', '409 SETUP_UNAVAILABLE',
                                                             '409 SETUP_UNAVAILABLE', '409 SETUP_UNAVAILABLE', '409 SETUP_UNAVAILABLE', '409 SETUP_UNAVAILABLE', '409 SETUP_UNAVAILABLE', '409 SETUP_UNAVAILABLE']),
  rest('POST',   '/api/auth/register',                      [201,  201,   201,  201,     201,  201,    201,   201,    201,     201,    201,   201]),
  rest('POST',   '/api/auth/login',                         [200,  200,   200,  200,     200,  200,    '403 ACCOUNT_SUSPENDED', 200, 200, 200,    200,   200]),
  // Who is signed in: "nobody" (no cookie, or an ended session) is `{ user: null }`, not an error.
  rest('GET',    '/api/auth/me',                            [200,  200,   200,  200,     200,  200,    200,   200,    200,     200,    200,   200]),
  rest('POST',   '/api/auth/exit',                          [204,  204,   204,  204,     204,  204,    204,   204,    204,     204,    204,   204]),
  // The second sign-in step without the password step first: the same answer for everyone.
  rest('POST', '/api/auth/login/two-step', ['401 TWO_STEP_EXPIRED', '401 TWO_STEP_EXPIRED', '401 TWO_STEP_EXPIRED', '401 TWO_STEP_EXPIRED', '401 TWO_STEP_EXPIRED', '401 TWO_STEP_EXPIRED', '401 TWO_STEP_EXPIRED', '401 TWO_STEP_EXPIRED', '401 TWO_STEP_EXPIRED', '401 TWO_STEP_EXPIRED', '401 TWO_STEP_EXPIRED', '401 TWO_STEP_EXPIRED']),
  // Passkey sign-in: anyone may ask for a challenge; an answer without one is refused for everyone.
  rest('POST', '/api/auth/login/passkey/options', [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200]),
  rest('POST', '/api/auth/login/passkey', ['401 PASSKEY_INVALID', '401 PASSKEY_INVALID', '401 PASSKEY_INVALID', '401 PASSKEY_INVALID', '401 PASSKEY_INVALID', '401 PASSKEY_INVALID', '401 PASSKEY_INVALID', '401 PASSKEY_INVALID', '401 PASSKEY_INVALID', '401 PASSKEY_INVALID', '401 PASSKEY_INVALID', '401 PASSKEY_INVALID']),
  // Forgot password with a code that matches nothing: the same answer for everyone, signed in or not.
  rest('POST',   '/api/auth/recover',                       ['401 RECOVERY_CODE_INVALID', '401 RECOVERY_CODE_INVALID', '401 RECOVERY_CODE_INVALID', '401 RECOVERY_CODE_INVALID', '401 RECOVERY_CODE_INVALID', '401 RECOVERY_CODE_INVALID',
                                                             '401 RECOVERY_CODE_INVALID', '401 RECOVERY_CODE_INVALID', '401 RECOVERY_CODE_INVALID', '401 RECOVERY_CODE_INVALID', '401 RECOVERY_CODE_INVALID', '401 RECOVERY_CODE_INVALID']),
  rest('POST',   '/api/appeals/banned#banned-account',      [201,  201,   201,  201,     201,  201,    201,   201,    201,     201,    201,   201]),
  rest('POST',   '/api/appeals/banned#wrong-password',      ['401 INVALID_CREDENTIALS', '401 INVALID_CREDENTIALS', '401 INVALID_CREDENTIALS', '401 INVALID_CREDENTIALS', '401 INVALID_CREDENTIALS', '401 INVALID_CREDENTIALS',
                                                             '401 INVALID_CREDENTIALS', '401 INVALID_CREDENTIALS', '401 INVALID_CREDENTIALS', '401 INVALID_CREDENTIALS', '401 INVALID_CREDENTIALS', '401 INVALID_CREDENTIALS']),
  rest('GET',    '/api/rooms',                              [200,  200,   200,  200,     200,  200,    200,   200,    200,     200,    200,   200]),
  rest('GET',    '/api/site',                               [200,  200,   200,  200,     200,  200,    200,   200,    200,     200,    200,   200]),
  rest('GET',    '/api/rooms/{room}',                       [200,  200,   200,  404,     200,  200,    200,   200,    200,     200,    200,   200]),

  //                                                         anon  member other outsider muted suspend banned blocked modOther modRoom global admin
  // The signed-in member's own account and session
  rest('POST',   '/api/auth/logout',                        [401,  204,   204,  204,     204,  204,    401,   204,    204,     204,    204,   204]),
  rest('POST',   '/api/auth/logout-everywhere',             [401,  200,   200,  200,     200,  200,    401,   200,    200,     200,    200,   200]),
  rest('POST',   '/api/auth/password',                      [401,  204,   204,  204,     204,  204,    401,   204,    204,     204,    204,   204]),
  rest('GET',    '/api/auth/sessions',                      [401,  200,   200,  200,     200,  200,    401,   200,    200,     200,    200,   200]),
  rest('POST',   '/api/auth/sessions/revoke-others',        [401,  200,   200,  200,     200,  200,    401,   200,    200,     200,    200,   200]),
  rest('GET',    '/api/auth/recovery-codes',                [401,  200,   200,  200,     200,  200,    401,   200,    200,     200,    200,   200]),
  rest('POST',   '/api/auth/recovery-codes',                [401,  200,   200,  200,     200,  200,    401,   200,    200,     200,    200,   200]),
  rest('GET',    '/api/auth/sign-in-history',               [401,  200,   200,  200,     200,  200,    401,   200,    200,     200,    200,   200]),
  rest('GET', '/api/auth/totp', [401, 200, 200, 200, 200, 200, 401, 200, 200, 200, 200, 200]),
  // Setup and disable with a wrong password, confirm with nothing set up: reachable, nothing changed.
  rest('POST', '/api/auth/totp/setup', [401, '400 INVALID_CREDENTIALS', '400 INVALID_CREDENTIALS', '400 INVALID_CREDENTIALS', '400 INVALID_CREDENTIALS', '400 INVALID_CREDENTIALS', 401, '400 INVALID_CREDENTIALS', '400 INVALID_CREDENTIALS', '400 INVALID_CREDENTIALS', '400 INVALID_CREDENTIALS', '400 INVALID_CREDENTIALS']),
  rest('POST', '/api/auth/totp/confirm', [401, '409 CONFLICT', '409 CONFLICT', '409 CONFLICT', '409 CONFLICT', '409 CONFLICT', 401, '409 CONFLICT', '409 CONFLICT', '409 CONFLICT', '409 CONFLICT', '409 CONFLICT']),
  rest('POST', '/api/auth/totp/disable', [401, '400 INVALID_CREDENTIALS', '400 INVALID_CREDENTIALS', '400 INVALID_CREDENTIALS', '400 INVALID_CREDENTIALS', '400 INVALID_CREDENTIALS', 401, '400 INVALID_CREDENTIALS', '400 INVALID_CREDENTIALS', '400 INVALID_CREDENTIALS', '400 INVALID_CREDENTIALS', '400 INVALID_CREDENTIALS']),
  // Passkeys: adding and removing ask for the password again (a wrong one here: nothing changes);
  // finishing with no ceremony started is refused the same way for everyone signed in.
  rest('GET', '/api/auth/passkeys', [401, 200, 200, 200, 200, 200, 401, 200, 200, 200, 200, 200]),
  rest('POST', '/api/auth/passkeys/options', [401, '400 INVALID_CREDENTIALS', '400 INVALID_CREDENTIALS', '400 INVALID_CREDENTIALS', '400 INVALID_CREDENTIALS', '400 INVALID_CREDENTIALS', 401, '400 INVALID_CREDENTIALS', '400 INVALID_CREDENTIALS', '400 INVALID_CREDENTIALS', '400 INVALID_CREDENTIALS', '400 INVALID_CREDENTIALS']),
  rest('POST', '/api/auth/passkeys', [401, '401 PASSKEY_INVALID', '401 PASSKEY_INVALID', '401 PASSKEY_INVALID', '401 PASSKEY_INVALID', '401 PASSKEY_INVALID', 401, '401 PASSKEY_INVALID', '401 PASSKEY_INVALID', '401 PASSKEY_INVALID', '401 PASSKEY_INVALID', '401 PASSKEY_INVALID']),
  rest('DELETE', '/api/auth/passkeys/{id}', [401, '400 INVALID_CREDENTIALS', '400 INVALID_CREDENTIALS', '400 INVALID_CREDENTIALS', '400 INVALID_CREDENTIALS', '400 INVALID_CREDENTIALS', 401, '400 INVALID_CREDENTIALS', '400 INVALID_CREDENTIALS', '400 INVALID_CREDENTIALS', '400 INVALID_CREDENTIALS', '400 INVALID_CREDENTIALS']),
  // With a wrong current password: proves the route is reachable without changing the actor's password.
  rest('POST',   '/api/auth/secure-account',                [401, '400 INVALID_CREDENTIALS', '400 INVALID_CREDENTIALS', '400 INVALID_CREDENTIALS', '400 INVALID_CREDENTIALS', '400 INVALID_CREDENTIALS',
                                                             401, '400 INVALID_CREDENTIALS', '400 INVALID_CREDENTIALS', '400 INVALID_CREDENTIALS', '400 INVALID_CREDENTIALS', '400 INVALID_CREDENTIALS']),
  rest('DELETE', '/api/auth/sessions/{id}#own-session',     [401,  204,   204,  204,     204,  204,    401,   204,    204,     204,    204,   204]),
  rest('DELETE', '/api/auth/sessions/{id}#another-members-session', [401, 404, 404, 404, 404, 404,   401,   404,    404,     404,    404,   404]),
  rest('GET',    '/api/me/settings',                        [401,  200,   200,  200,     200,  200,    401,   200,    200,     200,    200,   200]),
  rest('PATCH',  '/api/me/settings',                        [401,  200,   200,  200,     200,  200,    401,   200,    200,     200,    200,   200]),
  rest('GET',    '/api/me/export',                          [401,  200,   200,  200,     200,  200,    401,   200,    200,     200,    200,   200]),
  // With a wrong password: proves the route is reachable without deleting the actor.
  rest('DELETE', '/api/me',                                 [401, '400 INVALID_CREDENTIALS', '400 INVALID_CREDENTIALS', '400 INVALID_CREDENTIALS', '400 INVALID_CREDENTIALS', '400 INVALID_CREDENTIALS',
                                                             401, '400 INVALID_CREDENTIALS', '400 INVALID_CREDENTIALS', '400 INVALID_CREDENTIALS', '400 INVALID_CREDENTIALS', '400 INVALID_CREDENTIALS']),
  rest('GET',    '/api/me/notifications',                   [401,  200,   200,  200,     200,  200,    401,   200,    200,     200,    200,   200]),
  rest('GET',    '/api/me/notification-settings',           [401,  200,   200,  200,     200,  200,    401,   200,    200,     200,    200,   200]),
  rest('PATCH',  '/api/me/notification-settings',           [401,  200,   200,  200,     200,  200,    401,   200,    200,     200,    200,   200]),
  rest('POST',   '/api/me/notifications/read-all',          [401,  204,   204,  204,     204,  204,    401,   204,    204,     204,    204,   204]),
  rest('POST',   '/api/me/notifications/{id}/read#own-notification', [401, 204, 204, 204,    204,  204,    401,   204,    204,     204,    204,   204]),
  rest('POST',   '/api/me/notifications/{id}/read#another-members-notification', [401, 404, 404, 404, 404, 404, 401, 404,  404,     404,    404,   404]),
  rest('GET',    '/api/me/check-ins',                       [401,  200,   200,  200,     200,  200,    401,   200,    200,     200,    200,   200]),
  rest('GET',    '/api/me/check-ins/{id}#own-check-in',     [401,  200,   200,  200,     200,  200,    401,   200,    200,     200,    200,   200]),
  rest('GET',    '/api/me/check-ins/{id}#another-members-check-in', [401, 404, 404, 404,   404,  404,    401,   404,    404,     404,    404,   404]),
  rest('POST',   '/api/me/check-ins/{id}/replies#own-check-in', [401, 201, 201, 201,     201,  201,    401,   201,    201,     201,    201,   201]),
  rest('POST',   '/api/me/check-ins/{id}/replies#another-members-check-in', [401, 404, 404, 404, 404, 404, 401, 404,  404,     404,    404,   404]),
  rest('GET',    '/api/me/reports',                         [401,  200,   200,  200,     200,  200,    401,   200,    200,     200,    200,   200]),
  rest('GET',    '/api/me/moderation-log',                  [401,  200,   200,  200,     200,  200,    401,   200,    200,     200,    200,   200]),
  rest('GET',    '/api/me/warning-preferences',             [401,  200,   200,  200,     200,  200,    401,   200,    200,     200,    200,   200]),
  rest('PUT',    '/api/me/warning-preferences',             [401,  200,   200,  200,     200,  200,    401,   200,    200,     200,    200,   200]),
  rest('GET',    '/api/me/blocks',                          [401,  200,   200,  200,     200,  200,    401,   200,    200,     200,    200,   200]),
  rest('POST',   '/api/me/blocks',                          [401,  201,   201,  201,     201,  201,    401,   201,    201,     201,    201,   201]),
  rest('DELETE', '/api/me/blocks/{userId}',                 [401,  204,   204,  204,     204,  204,    401,   204,    204,     204,    204,   204]),
  rest('GET',    '/api/me/filters',                         [401,  200,   200,  200,     200,  200,    401,   200,    200,     200,    200,   200]),
  rest('POST',   '/api/me/filters',                         [401,  201,   201,  201,     201,  201,    401,   201,    201,     201,    201,   201]),
  rest('PATCH',  '/api/me/filters/{filterId}#own-filter',   [401,  200,   200,  200,     200,  200,    401,   200,    200,     200,    200,   200]),
  rest('PATCH',  '/api/me/filters/{filterId}#another-members-filter', [401, 404, 404, 404,  404,  404,    401,   404,    404,     404,    404,   404]),
  rest('DELETE', '/api/me/filters/{filterId}#own-filter',   [401,  204,   204,  204,     204,  204,    401,   204,    204,     204,    204,   204]),
  rest('DELETE', '/api/me/filters/{filterId}#another-members-filter', [401, 404, 404, 404,  404,  404,    401,   404,    404,     404,    404,   404]),
  rest('POST',   '/api/appeals#own-decision',               [401,  201,   201,  201,     201,  201,    401,   201,    201,     201,    201,   201]),
  rest('POST',   '/api/appeals#another-members-decision',   [401,  404,   404,  404,     404,  404,    401,   404,    404,     404,    404,   404]),
  rest('GET',    '/api/search',                             [401,  200,   200,  200,     200,  200,    401,   200,    200,     200,    200,   200]),

  //                                                         anon  member other outsider muted suspend banned blocked modOther modRoom global admin
  // Private conversations: only the people in one may see it (moderators and admins included);
  // starting one follows the recipient's setting (here: the default, people in my rooms) and blocks.
  rest('GET',    '/api/conversations',                      [401,  200,   200,  200,     200,  200,    401,   200,    200,     200,    200,   200]),
  rest('POST',   '/api/conversations#with-a-roommate-of-the-author', [401, 201, '403 MESSAGES_NOT_ACCEPTED', 201, 201,  M,      401,   '403 MESSAGES_NOT_ACCEPTED',  '403 MESSAGES_NOT_ACCEPTED',   201,    '403 MESSAGES_NOT_ACCEPTED', '403 MESSAGES_NOT_ACCEPTED']),
  rest('POST',   '/api/conversations#check-in',             [401,  403,   403,  403,     403,  403,    401,   403,    201,     201,    201,   201]),
  rest('GET', '/api/conversations/{id}#own-conversation', [401, 200, 200, 200, 200, 200, 401, 200, 200, 200, 200, 200]),
  rest('GET', '/api/conversations/{id}#another-members-conversation', [401, 404, 404, 404, 404, 404, 401, 404, 404, 404, 404, 404]),
  rest('GET', '/api/conversations/{id}/messages#own-conversation', [401, 200, 200, 200, 200, 200, 401, 200, 200, 200, 200, 200]),
  rest('GET', '/api/conversations/{id}/messages#another-members-conversation', [401, 404, 404, 404, 404, 404, 401, 404, 404, 404, 404, 404]),
  rest('POST', '/api/conversations/{id}/accept#request-to-the-actor', [401, 200, 200, 200, 200, 200, 401, 200, 200, 200, 200, 200]),
  rest('POST', '/api/conversations/{id}/accept#another-members-conversation', [401, 404, 404, 404, 404, 404, 401, 404, 404, 404, 404, 404]),
  rest('POST', '/api/conversations/{id}/decline#request-to-the-actor', [401, 204, 204, 204, 204, 204, 401, 204, 204, 204, 204, 204]),
  rest('POST', '/api/conversations/{id}/decline#another-members-conversation', [401, 404, 404, 404, 404, 404, 401, 404, 404, 404, 404, 404]),
  rest('POST', '/api/conversations/{id}/leave#own-conversation', [401, 204, 204, 204, 204, 204, 401, 204, 204, 204, 204, 204]),
  rest('POST', '/api/conversations/{id}/leave#another-members-conversation', [401, 404, 404, 404, 404, 404, 401, 404, 404, 404, 404, 404]),
  rest('PUT', '/api/conversations/{id}/mute#own-conversation', [401, 204, 204, 204, 204, 204, 401, 204, 204, 204, 204, 204]),
  rest('PUT', '/api/conversations/{id}/mute#another-members-conversation', [401, 404, 404, 404, 404, 404, 401, 404, 404, 404, 404, 404]),
  rest('GET', '/api/conversations/{id}/reactions#own-conversation', [401, 200, 200, 200, 200, 200, 401, 200, 200, 200, 200, 200]),
  rest('GET', '/api/conversations/{id}/reactions#another-members-conversation', [401, 404, 404, 404, 404, 404, 401, 404, 404, 404, 404, 404]),
  rest('PUT', '/api/conversations/{id}/messages/{messageId}/reactions/{kind}#own-conversation', [401, 204, 204, 204, 204, M, 401, 204, 204, 204, 204, 204]),
  rest('PUT', '/api/conversations/{id}/messages/{messageId}/reactions/{kind}#another-members-conversation', [401, 404, 404, 404, 404, 404, 401, 404, 404, 404, 404, 404]),
  rest('DELETE', '/api/conversations/{id}/messages/{messageId}/reactions/{kind}#own-conversation', [401, 204, 204, 204, 204, M, 401, 204, 204, 204, 204, 204]),
  rest('DELETE', '/api/conversations/{id}/messages/{messageId}/reactions/{kind}#another-members-conversation', [401, 404, 404, 404, 404, 404, 401, 404, 404, 404, 404, 404]),

  //                                                         anon  member other outsider muted suspend banned blocked modOther modRoom global admin
  // Reading and writing in a room
  rest('GET',    '/api/search#in-room',                     [401,  200,   404,  404,     200,  200,    401,   200,    404,     200,    200,   200]),
  // The check before sending reads a draft only where its author may read (issue 15): the room's read rule, or being in the conversation.
  rest('POST',   '/api/compose/check#in-room',              [401,  200,   404,  404,     200,  200,    401,   200,    404,     200,    200,   200]),
  rest('POST',   '/api/compose/check#own-conversation',     [401,  200,   200,  200,     200,  200,    401,   200,    200,     200,    200,   200]),
  rest('POST',   '/api/compose/check#another-members-conversation', [401, 404, 404, 404,   404,  404,    401,   404,    404,     404,    404,   404]),
  rest('POST',   '/api/reports',                            [401,  201,   404,  404,     201,  201,    401,   201,    404,     201,    201,   201]),
  rest('POST',   '/api/rooms/{room}/join',                  [401,  200,   INV,  404,     200,  200,    401,   200,    INV,     200,    INV,   INV]),
  // A valid code is the way into an invite-only room, hidden ones included.
  rest('POST',   '/api/invites/redeem#valid-code',          [401,  200,   200,  200,     200,  200,    401,   200,    200,     200,    200,   200]),
  rest('POST',   '/api/invites/redeem#unknown-code',        [401,  INV,   INV,  INV,     INV,  INV,    401,   INV,    INV,     INV,    INV,   INV]),
  rest('POST',   '/api/rooms/{room}/leave',                 [401,  204,   204,  404,     204,  204,    401,   204,    204,     204,    204,   204]),
  rest('GET',    '/api/rooms/{room}/threads',               [401,  200,   404,  404,     200,  200,    401,   200,    404,     200,    200,   200]),
  rest('POST',   '/api/rooms/{room}/threads',               [401,  201,   404,  404,     M,    M,      401,   201,    404,     201,    NM,    201]),
  // The mention autocomplete is part of writing: whoever may post in the room, answered as reading it for outsiders.
  rest('GET',    '/api/rooms/{room}/mention-candidates',    [401,  200,   404,  404,     M,    M,      401,   200,    404,     200,    NM,    200]),
  rest('GET',    '/api/threads/{id}',                       [401,  200,   404,  404,     200,  200,    401,   200,    404,     200,    200,   200]),
  rest('GET',    '/api/threads/{id}/posts',                 [401,  200,   404,  404,     200,  200,    401,   200,    404,     200,    200,   200]),
  rest('POST',   '/api/threads/{id}/posts',                 [401,  201,   404,  404,     M,    M,      401,   201,    404,     201,    NM,    201]),
  // Marking a room read is reading: whoever may read the room's threads, sanctions aside.
  rest('PUT',    '/api/rooms/{room}/read',                  [401,  204,   404,  404,     204,  204,    401,   204,    404,     204,    204,   204]),
  // Following a room is room.read: a hidden room stays a 404, a room one cannot read too.
  rest('PUT',    '/api/rooms/{room}/follow',                [401,  204,   404,  404,     204,  204,    401,   204,    404,     204,    204,   204]),
  rest('DELETE', '/api/rooms/{room}/follow',                [401,  204,   404,  404,     204,  204,    401,   204,    404,     204,    204,   204]),
  rest('PUT',    '/api/threads/{id}/follow',                [401,  204,   404,  404,     204,  204,    401,   204,    404,     204,    204,   204]),
  rest('DELETE', '/api/threads/{id}/follow',                [401,  204,   404,  404,     204,  204,    401,   204,    404,     204,    204,   204]),
  rest('PUT',    '/api/threads/{id}/mute',                  [401,  204,   404,  404,     204,  204,    401,   204,    404,     204,    204,   204]),
  rest('DELETE', '/api/threads/{id}/mute',                  [401,  204,   404,  404,     204,  204,    401,   204,    404,     204,    204,   204]),
  rest('PUT',    '/api/posts/{id}/bookmark',                [401,  204,   404,  404,     204,  204,    401,   204,    404,     204,    204,   204]),
  // Removing one's own bookmark needs no access to the post any more (a room left, a post removed).
  rest('DELETE', '/api/posts/{id}/bookmark',                [401,  204,   204,  204,     204,  204,    401,   204,    204,     204,    204,   204]),
  rest('GET',    '/api/me/bookmarks',                       [401,  200,   200,  200,     200,  200,    401,   200,    200,     200,    200,   200]),
  // Drafts: reading and saving one is for a place the member may post in now (room.post), so a
  // draft never tells anyone about a room or thread; discarding one's own never needs access.
  rest('GET',    '/api/me/drafts/{kind}/{targetId}#thread', [401,  200,   404,  404,     M,    M,      401,   200,    404,     200,    NM,    200]),
  rest('GET',    '/api/me/drafts/{kind}/{targetId}#reply',  [401,  200,   404,  404,     M,    M,      401,   200,    404,     200,    NM,    200]),
  rest('PUT',    '/api/me/drafts/{kind}/{targetId}#thread', [401,  200,   404,  404,     M,    M,      401,   200,    404,     200,    NM,    200]),
  rest('PUT',    '/api/me/drafts/{kind}/{targetId}#reply',  [401,  200,   404,  404,     M,    M,      401,   200,    404,     200,    NM,    200]),
  rest('DELETE', '/api/me/drafts/{kind}/{targetId}#thread', [401,  204,   204,  204,     204,  204,    401,   204,    204,     204,    204,   204]),
  rest('DELETE', '/api/me/drafts/{kind}/{targetId}#reply',  [401,  204,   204,  204,     204,  204,    401,   204,    204,     204,    204,   204]),
  rest('POST',   '/api/posts/preview',                      [401,  200,   200,  200,     200,  200,    401,   200,    200,     200,    200,   200]),
  rest('GET',    '/api/posts/{id}',                         [401,  200,   404,  404,     200,  200,    401,   200,    404,     200,    200,   200]),
  rest('PATCH',  '/api/posts/{id}#own-post',                [401,  200,   404,  404,     M,    M,      401,   200,    404,     200,    NM,    200]),
  rest('PATCH',  '/api/posts/{id}#another-members-post',    [401,  403,   404,  404,     M,    M,      401,   403,    404,     403,    NM,    403]),
  rest('DELETE', '/api/posts/{id}#own-post',                [401,  204,   404,  404,     204,  204,    401,   204,    404,     204,    204,   204]),
  rest('DELETE', '/api/posts/{id}#another-members-post',    [401,  403,   404,  404,     403,  403,    401,   403,    404,     403,    403,   403]),
  rest('PUT',    '/api/posts/{id}/reactions/{kind}',        [401,  204,   404,  404,     M,    M,      401,   204,    404,     204,    NM,    204]),
  rest('DELETE', '/api/posts/{id}/reactions/{kind}',        [401,  204,   404,  404,     M,    M,      401,   204,    404,     204,    NM,    204]),

  // Support sessions: read as the room is read; a place needs membership (staff outside the room have none)
  rest('GET',    '/api/rooms/{room}/sessions',              [401,  200,   404,  404,     200,  200,    401,   200,    404,     200,    200,   200]),
  rest('GET',    '/api/rooms/{room}/sessions/{id}',         [401,  200,   404,  404,     200,  200,    401,   200,    404,     200,    200,   200]),
  rest('PUT',    '/api/rooms/{room}/sessions/{id}/rsvp',    [401,  200,   404,  404,     200,  200,    401,   200,    404,     200,    NM,    NM]),
  rest('DELETE', '/api/rooms/{room}/sessions/{id}/rsvp',    [401,  200,   404,  404,     200,  200,    401,   200,    404,     200,    200,   200]),
  rest('GET',    '/api/rooms/{room}/sessions/live',         [401,  200,   404,  404,     200,  200,    401,   200,    404,     200,    200,   200]),
  rest('GET',    '/api/sessions/calendar.ics',              [401,  200,   200,  200,     200,  200,    401,   200,    200,     200,    200,   200]),

  //                                                         anon  member other outsider muted suspend banned blocked modOther modRoom global admin
  // Moderating one room (hidden rooms answer 404 to outsiders, listed ones 403)
  rest('PATCH',  '/api/rooms/{room}',                       [401,  403,   403,  404,     403,  403,    401,   403,    403,     200,    200,   200]),
  // Site-staff settings of a room (name, visibility, warnings, pre-moderation): admins only
  rest('PATCH',  '/api/rooms/{room}#staff-fields',          [401,  403,   403,  404,     403,  403,    401,   403,    403,     403,    403,   200]),
  rest('GET',    '/api/rooms/{room}/moderators',            [401,  403,   403,  404,     403,  403,    401,   403,    403,     200,    200,   200]),
  rest('GET',    '/api/rooms/{room}/join-requests',         [401,  403,   403,  404,     403,  403,    401,   403,    403,     200,    200,   200]),
  rest('POST',   '/api/rooms/{room}/join-requests/{id}/decision', [401, 403, 403, 404,     403,  403,    401,   403,    403,     204,    204,   204]),
  rest('POST',   '/api/rooms/{room}/invites',               [401,  403,   403,  404,     403,  403,    401,   403,    403,     201,    201,   201]),
  rest('GET',    '/api/rooms/{room}/invites',               [401,  403,   403,  404,     403,  403,    401,   403,    403,     200,    200,   200]),
  rest('DELETE', '/api/rooms/{room}/invites/{id}',          [401,  403,   403,  404,     403,  403,    401,   403,    403,     204,    204,   204]),
  // Facilitating support sessions is room moderators' (and staff's) work
  rest('POST',   '/api/rooms/{room}/sessions',              [401,  403,   403,  404,     403,  403,    401,   403,    403,     201,    201,   201]),
  rest('PATCH',  '/api/rooms/{room}/sessions/{id}',         [401,  403,   403,  404,     403,  403,    401,   403,    403,     200,    200,   200]),
  rest('DELETE', '/api/rooms/{room}/sessions/{id}',         [401,  403,   403,  404,     403,  403,    401,   403,    403,     204,    204,   204]),
  rest('GET',    '/api/posts/{id}/revisions',               [401,  403,   403,  404,     403,  403,    401,   403,    403,     200,    200,   200]),
  rest('PUT',    '/api/posts/{id}/warning',                 [401,  403,   403,  404,     403,  403,    401,   403,    403,     204,    204,   204]),
  rest('POST',   '/api/moderation/{type}/{id}/actions#post-hide',      [401, 403, 403, 404,    403,  403,    401,   403,    403,     200,    200,   200]),
  rest('POST',   '/api/moderation/{type}/{id}/actions#thread-lock',    [401, 403, 403, 404,    403,  403,    401,   403,    403,     200,    200,   200]),
  rest('POST',   '/api/moderation/{type}/{id}/actions#message-remove', [401, 403, 403, 404,    403,  403,    401,   403,    403,     200,    200,   200]),
  rest('POST',   '/api/moderation/{type}/{id}/actions#member-mute',    [401, 403, 403, 404,    403,  403,    401,   403,    403,     200,    200,   200]),

  //                                                         anon  member other outsider muted suspend banned blocked modOther modRoom global admin
  // The moderation queue and log (room moderators see their rooms only)
  rest('GET',    '/api/moderation/queue',                   [401,  403,   403,  403,     403,  403,    401,   403,    200,     200,    200,   200]),
  rest('GET',    '/api/moderation/queue/{id}',              [401,  403,   403,  403,     403,  403,    401,   403,    404,     200,    200,   200]),
  rest('POST',   '/api/moderation/queue/{id}/claim',        [401,  403,   403,  403,     403,  403,    401,   403,    404,     200,    200,   200]),
  rest('POST',   '/api/moderation/queue/{id}/unclaim',      [401,  403,   403,  403,     403,  403,    401,   403,    404,     200,    200,   200]),
  rest('POST',   '/api/moderation/queue/{id}/notes',        [401,  403,   403,  403,     403,  403,    401,   403,    404,     200,    200,   200]),
  rest('POST',   '/api/moderation/queue/{id}/dismiss',      [401,  403,   403,  403,     403,  403,    401,   403,    404,     204,    204,   204]),
  // Crisis care on a crisis item (never a sanction), and the templates moderators pick from
  rest('GET',    '/api/moderation/queue/{id}/check-ins',    [401,  403,   403,  403,     403,  403,    401,   403,    404,     200,    200,   200]),
  rest('POST',   '/api/moderation/queue/{id}/check-ins',    [401,  403,   403,  403,     403,  403,    401,   403,    404,     201,    201,   201]),
  rest('POST',   '/api/moderation/queue/{id}/supported',    [401,  403,   403,  403,     403,  403,    401,   403,    404,     204,    204,   204]),
  rest('POST',   '/api/moderation/queue/{id}/hand-over',    [401,  403,   403,  403,     403,  403,    401,   403,    404,     204,    204,   204]),
  rest('GET',    '/api/moderation/queue/{id}/carers',       [401,  403,   403,  403,     403,  403,    401,   403,    404,     200,    200,   200]),
  rest('POST',   '/api/moderation/queue/{id}/not-a-crisis', [401,  403,   403,  403,     403,  403,    401,   403,    404,     204,    204,   204]),
  rest('GET',    '/api/moderation/crisis-items',            [401,  403,   403,  403,     403,  403,    401,   403,    200,     200,    200,   200]),
  // Moderator wellbeing: unfolding a crisis or harm item (per moderator), and one's own exposure (no route names anyone else)
  rest('PUT',    '/api/moderation/queue/{id}/reveal',       [401,  403,   403,  403,     403,  403,    401,   403,    404,     204,    204,   204]),
  rest('DELETE', '/api/moderation/queue/{id}/reveal',       [401,  403,   403,  403,     403,  403,    401,   403,    404,     204,    204,   204]),
  rest('GET',    '/api/me/moderation/wellbeing',            [401,  403,   403,  403,     403,  403,    401,   403,    200,     200,    200,   200]),
  // The detector's learning loop: moderators label words in their rooms and see the figures; the words are for admins
  rest('POST',   '/api/moderation/crisis-labels',           [401,  403,   403,  403,     403,  403,    401,   403,    404,     201,    201,   201]),
  rest('GET',    '/api/moderation/crisis-labels/metrics',   [401,  403,   403,  403,     403,  403,    401,   403,    200,     200,    200,   200]),
  rest('GET',    '/api/moderation/care-templates',          [401,  403,   403,  403,     403,  403,    401,   403,    200,     200,    200,   200]),
  rest('GET',    '/api/moderation/log',                     [401,  403,   403,  403,     403,  403,    401,   403,    200,     200,    200,   200]),
  rest('GET',    '/api/moderation/members/{id}/sanctions',  [401,  403,   403,  403,     403,  403,    401,   403,    200,     200,    200,   200]),

  //                                                         anon  member other outsider muted suspend banned blocked modOther modRoom global admin
  // Site-wide powers
  rest('POST',   '/api/moderation/{type}/{id}/actions#member-ban', [401, 403, 403, 403,      403,  403,    401,   403,    403,     403,    200,   200]),
  rest('POST',   '/api/rooms',                              [401,  403,   403,  403,     403,  403,    401,   403,    403,     403,    403,   201]),
  rest('PUT',    '/api/rooms/{room}/moderators',            [401,  403,   403,  404,     403,  403,    401,   403,    403,     403,    403,   204]),
  rest('DELETE', '/api/rooms/{room}/moderators/{userId}',   [401,  403,   403,  404,     403,  403,    401,   403,    403,     403,    403,   204]),
  rest('POST',   '/api/moderation/care-templates',          [401,  403,   403,  403,     403,  403,    401,   403,    403,     403,    403,   201]),
  rest('PUT',    '/api/moderation/care-templates/{id}',     [401,  403,   403,  403,     403,  403,    401,   403,    403,     403,    403,   200]),
  rest('DELETE', '/api/moderation/care-templates/{id}',     [401,  403,   403,  403,     403,  403,    401,   403,    403,     403,    403,   204]),
  rest('GET',    '/api/admin/crisis-labels',                [401,  403,   403,  403,     403,  403,    401,   403,    403,     403,    403,   200]),
  rest('GET',    '/api/admin/crisis-labels/export',         [401,  403,   403,  403,     403,  403,    401,   403,    403,     403,    403,   200]),
  rest('POST',   '/api/admin/crisis-labels/{id}/review',    [401,  403,   403,  403,     403,  403,    401,   403,    403,     403,    403,   200]),
  rest('GET',    '/api/admin/users',                        [401,  403,   403,  403,     403,  403,    401,   403,    403,     403,    403,   200]),
  rest('PATCH',  '/api/admin/users/{id}/role',              [401,  403,   403,  403,     403,  403,    401,   403,    403,     403,    403,   200]),
  // Archiving a room (never a delete) and the site settings behind the Community screens
  rest('POST',   '/api/rooms/{room}/archive',               [401,  403,   403,  404,     403,  403,    401,   403,    403,     403,    403,   204]),
  rest('POST',   '/api/rooms/{room}/restore',               [401,  403,   403,  404,     403,  403,    401,   403,    403,     403,    403,   204]),
  rest('GET',    '/api/admin/site-settings',                [401,  403,   403,  403,     403,  403,    401,   403,    403,     403,    403,   200]),
  rest('PATCH',  '/api/admin/site-settings',                [401,  403,   403,  403,     403,  403,    401,   403,    403,     403,    403,   200]),
  rest('PUT',    '/api/admin/site-settings/crisis-resources/{country}', [401, 403, 403, 403, 403, 403,    401,   403,    403,     403,    403,   200]),
  rest('GET',    '/api/admin/site-invites',                 [401,  403,   403,  403,     403,  403,    401,   403,    403,     403,    403,   200]),
  rest('POST',   '/api/admin/site-invites',                 [401,  403,   403,  403,     403,  403,    401,   403,    403,     403,    403,   201]),
  rest('DELETE', '/api/admin/site-invites/{id}',            [401,  403,   403,  403,     403,  403,    401,   403,    403,     403,    403,   204]),
];

const NF = 'NOT_FOUND';
const NIR = 'NOT_IN_ROOM';
const FB = 'FORBIDDEN';
const R = 'refused';

// prettier-ignore
export const SOCKET_MATRIX: readonly SocketRow[] = [
  //                                           anon member other outsider muted    suspend  banned blocked modOther modRoom global        admin
  socket('chat:join',                          [R,  'ok',  NF,   NF,      'ok',    'ok',    R,     'ok',   NF,      'ok',   'ok',         'ok']),
  socket('chat:leave',                         [R,  'ok',  'ok', 'ok',    'ok',    'ok',    R,     'ok',   'ok',    'ok',   'ok',         'ok']),
  socket('chat:history',                       [R,  'ok',  NF,   NF,      'ok',    'ok',    R,     'ok',   NF,      'ok',   'ok',         'ok']),
  socket('chat:read',                          [R,  'ok',  NF,   NF,      'ok',    'ok',    R,     'ok',   NF,      'ok',   'ok',         'ok']),
  socket('typing',                             [R,  'ok',  NIR,  NIR,     'ok',    'ok',    R,     'ok',   NIR,     'ok',   'ok',         'ok']),
  socket('message:send',                       [R,  'ok',  NIR,  NIR,     'MUTED', 'MUTED', R,     'ok',   NIR,     'ok',   'NOT_A_MEMBER', 'ok']),
  socket('message:edit#own-message',           [R,  'ok',  NF,   NF,      'MUTED', 'MUTED', R,     'ok',   NF,      'ok',   'NOT_A_MEMBER', 'ok']),
  socket('message:edit#another-members-message', [R, FB,   NF,   NF,      FB,      FB,      R,     FB,     NF,      FB,     FB,           FB]),
  socket('message:delete#own-message',         [R,  'ok',  NF,   NF,      'ok',    'ok',    R,     'ok',   NF,      'ok',   'ok',         'ok']),
  socket('message:delete#another-members-message', [R, FB,  NF,   NF,      FB,      FB,      R,     FB,     NF,      FB,     FB,           FB]),
  socket('mod:message:remove',                 [R,  FB,    FB,   NF,      FB,      FB,      R,     FB,     FB,      'ok',   'ok',         'ok']),
  socket('mod:mute',                           [R,  FB,    FB,   NF,      FB,      FB,      R,     FB,     FB,      'ok',   'ok',         'ok']),
  socket('mod:slow-mode',                      [R,  FB,    FB,   NF,      FB,      FB,      R,     FB,     FB,      'ok',   'ok',         'ok']),
  socket('mod:lock',                           [R,  FB,    FB,   NF,      FB,      FB,      R,     FB,     FB,      'ok',   'ok',         'ok']),
  socket('mod:notice',                         [R,  FB,    FB,   NF,      FB,      FB,      R,     FB,     FB,      'ok',   'ok',         'ok']),
  // Session mode: a turn in a round is posting in the room; phases and the pause are the facilitator's.
  socket('support-session:check-in',           [R,  'ok',  NF,   NF,      'MUTED', 'MUTED', R,     'ok',   NF,      'ok',   'NOT_A_MEMBER', 'ok']),
  socket('support-session:phase',              [R,  FB,    FB,   NF,      FB,      FB,      R,     FB,     FB,      'ok',   'ok',         'ok']),
  socket('support-session:pause',              [R,  FB,    FB,   NF,      FB,      FB,      R,     FB,     FB,      'ok',   'ok',         'ok']),
  // Coming to a running session is for the room's members (as RSVPs are); staff who are not members are not counted.
  socket('support-session:attend',             [R,  'ok',  NF,   NF,      'ok',    'ok',    R,     'ok',   NF,      'ok',   'NOT_A_MEMBER', 'NOT_A_MEMBER']),
  // Private conversations: the actor's own (with the author), or one they are not in (moderators included).
  socket('conversation:join#own-conversation', [R,  'ok',  'ok', 'ok',    'ok',    'ok',    R,     'ok',   'ok',    'ok',   'ok',         'ok']),
  socket('conversation:join#another-members-conversation', [R, NF, NF, NF,    NF,      NF,      R,     NF,     NF,      NF,     NF,           NF]),
  socket('conversation:leave',                 [R,  'ok',  'ok', 'ok',    'ok',    'ok',    R,     'ok',   'ok',    'ok',   'ok',         'ok']),
  socket('conversation:send#own-conversation', [R,  'ok',  'ok', 'ok',    'ok',    'MUTED', R,     'ok',   'ok',    'ok',   'ok',         'ok']),
  socket('conversation:send#another-members-conversation', [R, NF, NF, NF,    NF,      NF,      R,     NF,     NF,      NF,     NF,           NF]),
  socket('conversation:edit#own-message',      [R,  'ok',  'ok', 'ok',    'ok',    'MUTED', R,     'ok',   'ok',    'ok',   'ok',         'ok']),
  socket('conversation:edit#another-members-message', [R, FB, FB,  FB,      FB,      'MUTED', R,     FB,     FB,      FB,     FB,           FB]),
  socket('conversation:edit#another-members-conversation', [R, NF, NF, NF,    NF,      NF,      R,     NF,     NF,      NF,     NF,           NF]),
  socket('conversation:delete#own-message',    [R,  'ok',  'ok', 'ok',    'ok',    'ok',    R,     'ok',   'ok',    'ok',   'ok',         'ok']),
  socket('conversation:delete#another-members-message', [R, FB, FB, FB,     FB,      FB,      R,     FB,     FB,      FB,     FB,           FB]),
  socket('conversation:delete#another-members-conversation', [R, NF, NF, NF,  NF,      NF,      R,     NF,     NF,      NF,     NF,           NF]),
  socket('conversation:typing#own-conversation', [R, 'ok', 'ok', 'ok',    'ok',    'ok',    R,     'ok',   'ok',    'ok',   'ok',         'ok']),
  socket('conversation:typing#another-members-conversation', [R, NF, NF, NF,  NF,      NF,      R,     NF,     NF,      NF,     NF,           NF]),
  socket('conversation:read#own-conversation', [R,   'ok',  'ok', 'ok',    'ok',    'ok',    R,     'ok',   'ok',    'ok',   'ok',         'ok']),
  socket('conversation:read#another-members-conversation', [R, NF, NF, NF,    NF,      NF,      R,     NF,     NF,      NF,     NF,           NF]),
];

/** Found by this matrix; the code lives in apps/api/src/chat (owned elsewhere), so reported, not fixed. */
// The three chat cells once listed here (edit/delete answered FORBIDDEN before the access gate,
// and deleting one's own message skipped the gate) are fixed in ChatService.ownMessage.
export const KNOWN_BUGS: readonly KnownBug[] = [];
