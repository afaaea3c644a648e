import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ChatClientEvent, ConversationClientEvent, SessionClientEvent } from '@kindred/contracts';
import type { Response } from 'supertest';
import { GOOD_PASSWORD, uniqueHandle } from '../support/accounts.js';
import { connectChat, request, startListeningApp, type ChatClient, type ListeningApp } from '../support/realtime.js';
import {
  ACTORS,
  KNOWN_BUGS,
  REST_MATRIX,
  SOCKET_MATRIX,
  rowKey,
  type Actor,
  type RestOutcome,
  type RestRow,
  type SocketOutcome,
  type SocketRow,
} from './authorization-matrix.table.js';
import { discoverRestRoutes } from './support/discover-routes.js';
import { buildWorld, targetOf, type Target, type World, type WorldUser } from './support/matrix-world.js';

interface Cell {
  w: World;
  actor: Actor;
  /** Undefined for `anonymous`. */
  user?: WorldUser;
  target: Target;
}

interface HttpCall {
  url: string;
  body?: unknown;
  /** Puts shared state back (join/leave). */
  cleanup?: () => Promise<unknown>;
  /** Extra promise about the answer, e.g. what the room directory shows to whom. */
  check?: (res: Response) => string | undefined;
}

interface SocketCall {
  payload: Record<string, unknown>;
  /** Join the room's chat first (send and typing need it). */
  joinFirst?: boolean;
}

const reason = 'Checked by the authorization matrix';
/** Someone who exists, for cells whose actor has no account (anonymous). */
const me = (c: Cell) => c.user ?? c.w.spare;
const keepMembership = async (c: Cell, url: string): Promise<HttpCall> => {
  const before = c.user ? await c.w.fx.membership(c.target.room.id, c.user.id) : undefined;
  return { url, body: { acceptGuidelines: true }, cleanup: async () => c.user && c.w.fx.restoreMembership(c.target.room.id, c.user.id, before) };
};
const freshPost = (c: Cell, authorId: string) => c.w.fx.post(c.target.threadId, c.target.room.id, authorId);
const freshSession = (c: Cell) => c.w.fx.supportSession(c.target.room.id, c.w.actors.admin.id);
/** Each scheduled session on a day of its own (2031 on), so no cell's session overlaps another's. */
let sessionDays = 0;
const nextSessionDay = () => `${new Date(Date.UTC(2031, 0, 1 + (sessionDays += 1))).toISOString().slice(0, 10)}T10:00`;
const freshQueueItem = (c: Cell) => c.w.fx.queueItem(c.target.room.id, 'post', c.target.postId, c.target.author.id);
const freshCrisisItem = (c: Cell) => c.w.fx.crisisItem(c.target.room.id, c.target.postId, c.target.author.id);

/** A message by `authorId` in a fresh conversation between the author and `participantId`. */
async function messageIn(c: Cell, participantId: string, authorId: string, extra: Record<string, unknown> = {}): Promise<SocketCall> {
  const conversationId = await c.w.fx.conversation(c.w.author.id, participantId, 'active');
  const { id } = await c.w.fx.message(conversationId, authorId);
  return { payload: { conversationId, messageId: id, ...extra } };
}

/** A reaction on the author's message in a conversation between the author and `participantId`. */
async function reactionUrl(c: Cell, participantId: string): Promise<string> {
  const { payload } = await messageIn(c, participantId, c.w.author.id);
  const { conversationId, messageId } = payload as { conversationId: string; messageId: string };
  return `/api/conversations/${conversationId}/messages/${messageId}/reactions/hug`;
}

/** A well-formed WebAuthn answer to no ceremony: reaches the check, which refuses it. */
const FAKE_CREDENTIAL = { id: 'AAAA', rawId: 'AAAA', type: 'public-key', clientExtensionResults: {} };

/** How to make each row's request for one actor. Keys are `rowKey`s of the table. */
const REST_RECIPES: Record<string, (c: Cell) => HttpCall | Promise<HttpCall>> = {
  'GET /api/health': () => ({ url: '/api/health' }),
  'GET /api/openapi.json': () => ({ url: '/api/openapi.json' }),
  'GET /api/docs': () => ({ url: '/api/docs' }),
  'GET /api/crisis-resources': () => ({ url: '/api/crisis-resources?country=GB&lang=es' }),
  'GET /api/crisis-resources/countries': () => ({ url: '/api/crisis-resources/countries' }),
  'GET /api/setup/status': () => ({ url: '/api/setup/status' }),
  'POST /api/setup/admin': () => ({ url: '/api/setup/admin', body: { token: 'x'.repeat(32), handle: uniqueHandle('setup'), password: GOOD_PASSWORD } }),
  'POST /api/auth/register': () => ({ url: '/api/auth/register', body: { handle: uniqueHandle('reg'), password: GOOD_PASSWORD } }),
  'POST /api/auth/login': (c) => ({ url: '/api/auth/login', body: { handle: me(c).handle, password: GOOD_PASSWORD } }),
  'POST /api/auth/exit': () => ({ url: '/api/auth/exit' }),
  'POST /api/auth/login/two-step': () => ({ url: '/api/auth/login/two-step', body: { code: '123456' } }),
  'POST /api/auth/recover': (c) => ({ url: '/api/auth/recover', body: { handle: me(c).handle, recoveryCode: 'ZZZZZ-ZZZZZ', newPassword: 'amber-meadow-kettle-88' } }),
  'POST /api/appeals/banned#banned-account': async (c) => {
    const banned = await c.w.fx.bannedUser(c.w.actors.admin.id);
    return { url: '/api/appeals/banned', body: { handle: banned.handle, password: GOOD_PASSWORD, message: 'Please look at this again.' } };
  },
  'POST /api/appeals/banned#wrong-password': async (c) => {
    const banned = await c.w.fx.bannedUser(c.w.actors.admin.id);
    return { url: '/api/appeals/banned', body: { handle: banned.handle, password: 'not-the-password-9', message: 'Please look at this again.' } };
  },
  'GET /api/site': () => ({ url: '/api/site' }),
  'GET /api/rooms': (c) => ({
    url: '/api/rooms',
    check: (res) => {
      const ids = (res.body as { id: string }[]).map((r) => r.id);
      const staff = c.actor === 'globalModerator' || c.actor === 'admin';
      if (!ids.includes(c.w.rooms.A.id)) return 'the listed room A is missing from the directory';
      if (ids.includes(c.w.rooms.H.id) !== staff) return `hidden room H is ${staff ? 'missing for staff' : 'shown to a non-member'}`;
      return undefined;
    },
  }),
  'GET /api/rooms/{room}': (c) => ({ url: `/api/rooms/${c.target.room.id}` }),

  'POST /api/auth/logout': () => ({ url: '/api/auth/logout' }),
  'POST /api/auth/logout-everywhere': () => ({ url: '/api/auth/logout-everywhere' }),
  'GET /api/auth/me': (c) => ({
    url: '/api/auth/me',
    // Signed out (no cookie, or the cookie the ban revoked) is an answer too: `user: null`.
    check: (res) => ((res.body.user?.id ?? null) === (c.actor === 'banned' ? null : (c.user?.id ?? null)) ? undefined : 'me is someone else'),
  }),
  'POST /api/auth/password': () => ({ url: '/api/auth/password', body: { currentPassword: GOOD_PASSWORD, newPassword: GOOD_PASSWORD } }),
  'GET /api/auth/sessions': () => ({ url: '/api/auth/sessions' }),
  'POST /api/auth/sessions/revoke-others': () => ({ url: '/api/auth/sessions/revoke-others' }),
  'GET /api/auth/recovery-codes': () => ({ url: '/api/auth/recovery-codes' }),
  'GET /api/auth/totp': () => ({ url: '/api/auth/totp' }),
  'POST /api/auth/totp/setup': () => ({ url: '/api/auth/totp/setup', body: { password: 'not-my-password-1' } }),
  'POST /api/auth/totp/confirm': () => ({ url: '/api/auth/totp/confirm', body: { code: '123456' } }),
  'POST /api/auth/totp/disable': () => ({ url: '/api/auth/totp/disable', body: { password: 'not-my-password-1', code: '123456' } }),
  'GET /api/auth/passkeys': () => ({ url: '/api/auth/passkeys' }),
  'POST /api/auth/passkeys/options': () => ({ url: '/api/auth/passkeys/options', body: { password: 'not-my-password-1' } }),
  'POST /api/auth/passkeys': () => ({ url: '/api/auth/passkeys', body: { name: 'My phone', response: { ...FAKE_CREDENTIAL, response: { clientDataJSON: 'e30', attestationObject: 'oA' } } } }),
  'DELETE /api/auth/passkeys/{id}': () => ({ url: '/api/auth/passkeys/00000000-0000-4000-8000-000000000000', body: { password: 'not-my-password-1' } }),
  'POST /api/auth/login/passkey/options': () => ({ url: '/api/auth/login/passkey/options' }),
  'POST /api/auth/login/passkey': () => ({ url: '/api/auth/login/passkey', body: { response: { ...FAKE_CREDENTIAL, response: { clientDataJSON: 'e30', authenticatorData: 'AA', signature: 'AA' } } } }),
  'GET /api/auth/sign-in-history': (c) => ({
    url: '/api/auth/sign-in-history',
    check: (res) => (Array.isArray(res.body) && res.body.length > 0 ? undefined : `no history for ${me(c).handle}`),
  }),
  'POST /api/auth/secure-account': () => ({ url: '/api/auth/secure-account', body: { currentPassword: 'not-my-password-1', newPassword: 'amber-meadow-kettle-88' } }),
  'POST /api/auth/recovery-codes': () => ({
    url: '/api/auth/recovery-codes',
    body: { password: GOOD_PASSWORD },
    check: (res) => (Array.isArray(res.body.recoveryCodes) && res.body.recoveryCodes.length === 10 ? undefined : 'no fresh set of codes'),
  }),
  'DELETE /api/auth/sessions/{id}#own-session': async (c) => ({ url: `/api/auth/sessions/${await c.w.fx.sessionId(me(c).id)}` }),
  'DELETE /api/auth/sessions/{id}#another-members-session': async (c) => ({ url: `/api/auth/sessions/${await c.w.fx.sessionId(c.w.author.id)}` }),
  'GET /api/me/settings': () => ({ url: '/api/me/settings' }),
  'PATCH /api/me/settings': () => ({ url: '/api/me/settings', body: { showTyping: true } }),
  'GET /api/me/export': (c) => ({
    url: '/api/me/export',
    check: (res) => (JSON.stringify(res.body).includes(c.w.author.handle) ? 'an export contains another member’s handle' : undefined),
  }),
  'DELETE /api/me': () => ({ url: '/api/me', body: { password: 'not-my-password-1', eraseContent: false } }),
  'GET /api/me/notifications': () => ({ url: '/api/me/notifications' }),
  'GET /api/me/notification-settings': () => ({ url: '/api/me/notification-settings' }),
  'PATCH /api/me/notification-settings': () => ({ url: '/api/me/notification-settings', body: { roomThreads: true } }),
  'POST /api/me/notifications/read-all': () => ({ url: '/api/me/notifications/read-all' }),
  'POST /api/me/notifications/{id}/read#own-notification': async (c) => ({ url: `/api/me/notifications/${await c.w.fx.notification(me(c).id)}/read` }),
  'POST /api/me/notifications/{id}/read#another-members-notification': async (c) => ({ url: `/api/me/notifications/${await c.w.fx.notification(c.w.author.id)}/read` }),
  'GET /api/me/reports': () => ({ url: '/api/me/reports' }),
  'GET /api/me/moderation-log': () => ({ url: '/api/me/moderation-log' }),
  'GET /api/me/warning-preferences': () => ({ url: '/api/me/warning-preferences' }),
  'PUT /api/me/warning-preferences': () => ({ url: '/api/me/warning-preferences', body: { 'death-grief': 'warn' } }),
  'GET /api/me/blocks': () => ({ url: '/api/me/blocks' }),
  'POST /api/me/blocks': (c) => ({ url: '/api/me/blocks', body: { handle: c.w.spare.handle } }),
  'DELETE /api/me/blocks/{userId}': (c) => ({ url: `/api/me/blocks/${c.w.spare.id}` }),
  'GET /api/me/filters': () => ({ url: '/api/me/filters', check: (res) => (Array.isArray(res.body) ? undefined : 'not a list of filters') }),
  'POST /api/me/filters': () => ({ url: '/api/me/filters', body: { phrase: 'matrix words', mode: 'warn', label: 'Mine' } }),
  'PATCH /api/me/filters/{filterId}#own-filter': async (c) => ({ url: `/api/me/filters/${await c.w.fx.personalFilter(me(c).id)}`, body: { mode: 'hide' } }),
  'PATCH /api/me/filters/{filterId}#another-members-filter': async (c) => ({ url: `/api/me/filters/${await c.w.fx.personalFilter(c.w.author.id)}`, body: { mode: 'hide' } }),
  'DELETE /api/me/filters/{filterId}#own-filter': async (c) => ({ url: `/api/me/filters/${await c.w.fx.personalFilter(me(c).id)}` }),
  'DELETE /api/me/filters/{filterId}#another-members-filter': async (c) => ({ url: `/api/me/filters/${await c.w.fx.personalFilter(c.w.author.id)}` }),
  'POST /api/appeals#own-decision': async (c) => ({
    url: '/api/appeals',
    body: { logEntryId: await c.w.fx.logEntry(c.w.actors.admin.id, c.w.rooms.A.id, me(c).id), message: 'Please take another look.' },
  }),
  'POST /api/appeals#another-members-decision': async (c) => ({
    url: '/api/appeals',
    body: { logEntryId: await c.w.fx.logEntry(c.w.actors.admin.id, c.w.rooms.A.id, c.w.author.id), message: 'Please take another look.' },
  }),
  'GET /api/search': () => ({ url: '/api/search?q=breathing' }),
  'GET /api/conversations': () => ({ url: '/api/conversations' }),
  'POST /api/conversations#with-a-roommate-of-the-author': (c) => ({ url: '/api/conversations', body: { participantIds: [c.w.author.id], body: 'Hello.', clientId: randomUUID() } }),
  'POST /api/conversations#check-in': (c) => ({ url: '/api/conversations', body: { participantIds: [c.w.spare.id], body: 'Checking in.', clientId: randomUUID(), kind: 'check-in' } }),
  'GET /api/conversations/{id}#own-conversation': async (c) => ({ url: `/api/conversations/${await c.w.fx.conversation(c.w.author.id, me(c).id, 'active')}` }),
  'GET /api/conversations/{id}#another-members-conversation': async (c) => ({ url: `/api/conversations/${await c.w.fx.conversation(c.w.author.id, c.w.spare.id, 'active')}` }),
  'GET /api/conversations/{id}/messages#own-conversation': async (c) => ({ url: `/api/conversations/${await c.w.fx.conversation(c.w.author.id, me(c).id, 'active')}/messages` }),
  'GET /api/conversations/{id}/messages#another-members-conversation': async (c) => ({ url: `/api/conversations/${await c.w.fx.conversation(c.w.author.id, c.w.spare.id, 'active')}/messages` }),
  'POST /api/conversations/{id}/accept#request-to-the-actor': async (c) => ({ url: `/api/conversations/${await c.w.fx.conversation(c.w.author.id, me(c).id, 'invited')}/accept` }),
  'POST /api/conversations/{id}/accept#another-members-conversation': async (c) => ({ url: `/api/conversations/${await c.w.fx.conversation(c.w.author.id, c.w.spare.id, 'invited')}/accept` }),
  'POST /api/conversations/{id}/decline#request-to-the-actor': async (c) => ({ url: `/api/conversations/${await c.w.fx.conversation(c.w.author.id, me(c).id, 'invited')}/decline` }),
  'POST /api/conversations/{id}/decline#another-members-conversation': async (c) => ({ url: `/api/conversations/${await c.w.fx.conversation(c.w.author.id, c.w.spare.id, 'invited')}/decline` }),
  'POST /api/conversations/{id}/leave#own-conversation': async (c) => ({ url: `/api/conversations/${await c.w.fx.conversation(c.w.author.id, me(c).id, 'active')}/leave` }),
  'POST /api/conversations/{id}/leave#another-members-conversation': async (c) => ({ url: `/api/conversations/${await c.w.fx.conversation(c.w.author.id, c.w.spare.id, 'active')}/leave` }),
  'PUT /api/conversations/{id}/mute#own-conversation': async (c) => ({ url: `/api/conversations/${await c.w.fx.conversation(c.w.author.id, me(c).id, 'active')}/mute`, body: { muted: true } }),
  'GET /api/conversations/{id}/reactions#own-conversation': async (c) => ({ url: `/api/conversations/${await c.w.fx.conversation(c.w.author.id, me(c).id, 'active')}/reactions` }),
  'GET /api/conversations/{id}/reactions#another-members-conversation': async (c) => ({ url: `/api/conversations/${await c.w.fx.conversation(c.w.author.id, c.w.spare.id, 'active')}/reactions` }),
  'PUT /api/conversations/{id}/messages/{messageId}/reactions/{kind}#own-conversation': async (c) => ({ url: await reactionUrl(c, me(c).id) }),
  'PUT /api/conversations/{id}/messages/{messageId}/reactions/{kind}#another-members-conversation': async (c) => ({ url: await reactionUrl(c, c.w.spare.id) }),
  'DELETE /api/conversations/{id}/messages/{messageId}/reactions/{kind}#own-conversation': async (c) => ({ url: await reactionUrl(c, me(c).id) }),
  'DELETE /api/conversations/{id}/messages/{messageId}/reactions/{kind}#another-members-conversation': async (c) => ({ url: await reactionUrl(c, c.w.spare.id) }),
  'PUT /api/conversations/{id}/mute#another-members-conversation': async (c) => ({ url: `/api/conversations/${await c.w.fx.conversation(c.w.author.id, c.w.spare.id, 'active')}/mute`, body: { muted: true } }),
  'GET /api/rooms/{room}/mention-candidates': (c) => ({ url: `/api/rooms/${c.target.room.id}/mention-candidates?q=a` }),
  'GET /api/search#in-room': (c) => ({ url: `/api/search?q=breathing&room=${c.target.room.id}` }),
  'POST /api/compose/check#in-room': (c) => ({ url: '/api/compose/check', body: { text: 'Call me on 555-201-3344.', context: { kind: 'reply', roomId: c.target.room.id } } }),
  'POST /api/compose/check#own-conversation': async (c) => ({
    url: '/api/compose/check',
    body: { text: 'Hello.', context: { kind: 'message', conversationId: await c.w.fx.conversation(c.w.author.id, me(c).id, 'active') } },
  }),
  'POST /api/compose/check#another-members-conversation': async (c) => ({
    url: '/api/compose/check',
    body: { text: 'Hello.', context: { kind: 'message', conversationId: await c.w.fx.conversation(c.w.author.id, c.w.spare.id, 'active') } },
  }),

  'PUT /api/posts/{id}/bookmark': (c) => ({ url: `/api/posts/${c.target.postId}/bookmark`, body: { note: 'for later' } }),
  'DELETE /api/posts/{id}/bookmark': async (c) => {
    if (c.user) await c.w.fx.bookmark(c.user.id, c.target.postId);
    return { url: `/api/posts/${c.target.postId}/bookmark` };
  },
  'GET /api/me/bookmarks': () => ({ url: '/api/me/bookmarks' }),
  'GET /api/me/drafts/{kind}/{targetId}#thread': (c) => ({ url: `/api/me/drafts/thread/${c.target.room.id}` }),
  'GET /api/me/drafts/{kind}/{targetId}#reply': (c) => ({ url: `/api/me/drafts/reply/${c.target.threadId}` }),
  'PUT /api/me/drafts/{kind}/{targetId}#thread': (c) => ({ url: `/api/me/drafts/thread/${c.target.room.id}`, body: { title: 'Half a title', body: 'Half a thought.' } }),
  'PUT /api/me/drafts/{kind}/{targetId}#reply': (c) => ({ url: `/api/me/drafts/reply/${c.target.threadId}`, body: { body: 'Half a thought.', replyToPostId: c.target.postId } }),
  'DELETE /api/me/drafts/{kind}/{targetId}#thread': (c) => ({ url: `/api/me/drafts/thread/${c.target.room.id}` }),
  'DELETE /api/me/drafts/{kind}/{targetId}#reply': (c) => ({ url: `/api/me/drafts/reply/${c.target.threadId}` }),
  'POST /api/posts/preview': () => ({ url: '/api/posts/preview', body: { body: 'A **preview**.' } }),
  'POST /api/reports': (c) => ({ url: '/api/reports', body: { targetType: 'post', targetId: c.target.postId, category: 'other' } }),
  'POST /api/rooms/{room}/join': (c) => keepMembership(c, `/api/rooms/${c.target.room.id}/join`),
  'POST /api/rooms/{room}/leave': (c) => keepMembership(c, `/api/rooms/${c.target.room.id}/leave`).then((call) => ({ ...call, body: undefined })),
  'GET /api/rooms/{room}/threads': (c) => ({ url: `/api/rooms/${c.target.room.id}/threads` }),
  'PUT /api/rooms/{room}/read': (c) => ({ url: `/api/rooms/${c.target.room.id}/read` }),
  'PUT /api/rooms/{room}/follow': (c) => ({ url: `/api/rooms/${c.target.room.id}/follow` }),
  'DELETE /api/rooms/{room}/follow': (c) => ({ url: `/api/rooms/${c.target.room.id}/follow` }),
  'POST /api/rooms/{room}/threads': (c) => ({ url: `/api/rooms/${c.target.room.id}/threads`, body: { title: 'A matrix thread', body: 'Words.' } }),
  'GET /api/threads/{id}': (c) => ({ url: `/api/threads/${c.target.threadId}` }),
  'GET /api/threads/{id}/posts': (c) => ({ url: `/api/threads/${c.target.threadId}/posts` }),
  'POST /api/threads/{id}/posts': (c) => ({ url: `/api/threads/${c.target.threadId}/posts`, body: { body: 'A matrix reply.' } }),
  'PUT /api/threads/{id}/follow': (c) => ({ url: `/api/threads/${c.target.threadId}/follow` }),
  'DELETE /api/threads/{id}/follow': (c) => ({ url: `/api/threads/${c.target.threadId}/follow` }),
  'PUT /api/threads/{id}/mute': (c) => ({ url: `/api/threads/${c.target.threadId}/mute` }),
  'DELETE /api/threads/{id}/mute': (c) => ({ url: `/api/threads/${c.target.threadId}/mute` }),
  'GET /api/posts/{id}': (c) => ({ url: `/api/posts/${c.target.postId}` }),
  'PATCH /api/posts/{id}#own-post': async (c) => ({ url: `/api/posts/${(await freshPost(c, me(c).id)).id}`, body: { body: 'Edited words.' } }),
  'PATCH /api/posts/{id}#another-members-post': async (c) => ({ url: `/api/posts/${(await freshPost(c, c.target.author.id)).id}`, body: { body: 'Edited words.' } }),
  'DELETE /api/posts/{id}#own-post': async (c) => ({ url: `/api/posts/${(await freshPost(c, me(c).id)).id}` }),
  'DELETE /api/posts/{id}#another-members-post': async (c) => ({ url: `/api/posts/${(await freshPost(c, c.target.author.id)).id}` }),
  'PUT /api/posts/{id}/reactions/{kind}': (c) => ({ url: `/api/posts/${c.target.postId}/reactions/hug` }),
  'DELETE /api/posts/{id}/reactions/{kind}': (c) => ({ url: `/api/posts/${c.target.postId}/reactions/hug` }),

  'PATCH /api/rooms/{room}': (c) => ({ url: `/api/rooms/${c.target.room.id}`, body: { threadSlowModeSeconds: 0 } }),
  'PATCH /api/rooms/{room}#staff-fields': (c) => ({ url: `/api/rooms/${c.target.room.id}`, body: { requireContentWarning: false } }),
  'GET /api/rooms/{room}/moderators': (c) => ({ url: `/api/rooms/${c.target.room.id}/moderators` }),
  'GET /api/rooms/{room}/join-requests': (c) => ({ url: `/api/rooms/${c.target.room.id}/join-requests` }),
  'POST /api/rooms/{room}/join-requests/{id}/decision': async (c) => {
    const asker = await c.w.fx.user('asker');
    return { url: `/api/rooms/${c.target.room.id}/join-requests/${await c.w.fx.joinRequest(c.target.room.id, asker.id)}/decision`, body: { approve: false, reason: 'Not now' } };
  },
  'POST /api/rooms/{room}/invites': (c) => ({ url: `/api/rooms/${c.target.room.id}/invites`, body: { expiresInHours: 1, maxUses: 1 } }),
  'GET /api/rooms/{room}/invites': (c) => ({ url: `/api/rooms/${c.target.room.id}/invites` }),
  'DELETE /api/rooms/{room}/invites/{id}': async (c) => ({ url: `/api/rooms/${c.target.room.id}/invites/${(await c.w.fx.invite(c.target.room.id, c.w.actors.admin.id)).id}` }),
  'POST /api/invites/redeem#valid-code': async (c) => {
    const { code } = await c.w.fx.invite(c.target.room.id, c.w.actors.admin.id);
    return { ...(await keepMembership(c, '/api/invites/redeem')), body: { code, acceptGuidelines: true } };
  },
  'POST /api/invites/redeem#unknown-code': () => ({ url: '/api/invites/redeem', body: { code: 'NOSUCHCODE22', acceptGuidelines: true } }),
  'GET /api/posts/{id}/revisions': (c) => ({ url: `/api/posts/${c.target.postId}/revisions` }),
  'PUT /api/posts/{id}/warning': (c) => ({ url: `/api/posts/${c.target.postId}/warning`, body: { categories: [], reason } }),
  'POST /api/moderation/{type}/{id}/actions#post-hide': async (c) => ({
    url: `/api/moderation/post/${(await freshPost(c, c.target.author.id)).id}/actions`,
    body: { action: 'hide', reason },
  }),
  'POST /api/moderation/{type}/{id}/actions#thread-lock': async (c) => ({
    url: `/api/moderation/thread/${(await c.w.fx.thread(c.target.room.id, c.target.author.id)).id}/actions`,
    body: { action: 'lock', reason },
  }),
  'POST /api/moderation/{type}/{id}/actions#message-remove': async (c) => ({
    url: `/api/moderation/message/${(await c.w.fx.message(c.target.room.id, c.target.author.id)).id}/actions`,
    body: { action: 'remove', reason },
  }),
  'POST /api/moderation/{type}/{id}/actions#member-mute': async (c) => {
    const subject = await c.w.fx.user('mutee');
    await c.w.fx.member(c.target.room.id, subject.id);
    return { url: `/api/moderation/member/${subject.id}/actions`, body: { action: 'mute', reason, roomId: c.target.room.id, durationMinutes: 5 } };
  },

  'GET /api/moderation/queue': () => ({ url: '/api/moderation/queue' }),
  'GET /api/moderation/queue/{id}': (c) => ({ url: `/api/moderation/queue/${c.target.queueItemId}` }),
  'POST /api/moderation/queue/{id}/claim': async (c) => ({ url: `/api/moderation/queue/${await freshQueueItem(c)}/claim` }),
  'POST /api/moderation/queue/{id}/unclaim': async (c) => ({ url: `/api/moderation/queue/${await freshQueueItem(c)}/unclaim` }),
  'POST /api/moderation/queue/{id}/notes': async (c) => ({ url: `/api/moderation/queue/${await freshQueueItem(c)}/notes`, body: { body: 'A private note.' } }),
  'POST /api/moderation/queue/{id}/dismiss': async (c) => ({ url: `/api/moderation/queue/${await freshQueueItem(c)}/dismiss`, body: { reason } }),
  'GET /api/moderation/crisis-items': () => ({ url: '/api/moderation/crisis-items' }),
  'PUT /api/moderation/queue/{id}/reveal': (c) => ({ url: `/api/moderation/queue/${c.target.queueItemId}/reveal` }),
  'DELETE /api/moderation/queue/{id}/reveal': (c) => ({ url: `/api/moderation/queue/${c.target.queueItemId}/reveal` }),
  'GET /api/me/moderation/wellbeing': () => ({ url: '/api/me/moderation/wellbeing' }),
  // Each cell labels words of its own (a crisis item on a fresh post): one label per piece of writing.
  'POST /api/moderation/crisis-labels': async (c) => {
    const post = await c.w.fx.post(c.target.threadId, c.target.room.id, c.target.author.id, 'Words for the detector.');
    return { url: '/api/moderation/crisis-labels', body: { sourceType: 'queue-item', sourceId: await c.w.fx.crisisItem(c.target.room.id, post.id, c.target.author.id), label: 'not-a-crisis' } };
  },
  'GET /api/moderation/crisis-labels/metrics': () => ({ url: '/api/moderation/crisis-labels/metrics' }),
  'GET /api/admin/crisis-labels': () => ({ url: '/api/admin/crisis-labels' }),
  'GET /api/admin/crisis-labels/export': () => ({ url: '/api/admin/crisis-labels/export' }),
  'POST /api/admin/crisis-labels/{id}/review': async (c) => ({ url: `/api/admin/crisis-labels/${await c.w.fx.crisisLabel()}/review`, body: { status: 'accepted' } }),
  'GET /api/moderation/care-templates': () => ({ url: '/api/moderation/care-templates' }),
  'POST /api/moderation/care-templates': () => ({ url: '/api/moderation/care-templates', body: { title: 'Matrix', body: 'Checking in.' } }),
  'PUT /api/moderation/care-templates/{id}': async (c) => ({ url: `/api/moderation/care-templates/${await c.w.fx.careTemplate()}`, body: { title: 'Matrix', body: 'Checking in.' } }),
  'DELETE /api/moderation/care-templates/{id}': async (c) => ({ url: `/api/moderation/care-templates/${await c.w.fx.careTemplate()}` }),
  'GET /api/moderation/queue/{id}/check-ins': async (c) => ({ url: `/api/moderation/queue/${await freshCrisisItem(c)}/check-ins` }),
  'POST /api/moderation/queue/{id}/check-ins': async (c) => ({ url: `/api/moderation/queue/${await freshCrisisItem(c)}/check-ins`, body: { body: 'How are you doing?' } }),
  'POST /api/moderation/queue/{id}/supported': async (c) => ({ url: `/api/moderation/queue/${await freshCrisisItem(c)}/supported`, body: { note: 'A private note.' } }),
  'POST /api/moderation/queue/{id}/hand-over': async (c) => ({ url: `/api/moderation/queue/${await freshCrisisItem(c)}/hand-over`, body: { toUserId: c.w.actors.globalModerator.id } }),
  'GET /api/moderation/queue/{id}/carers': async (c) => ({ url: `/api/moderation/queue/${await freshCrisisItem(c)}/carers` }),
  'POST /api/moderation/queue/{id}/not-a-crisis': async (c) => ({ url: `/api/moderation/queue/${await freshCrisisItem(c)}/not-a-crisis`, body: {} }),
  'GET /api/me/check-ins': () => ({ url: '/api/me/check-ins' }),
  'GET /api/me/check-ins/{id}#own-check-in': async (c) => ({ url: `/api/me/check-ins/${await c.w.fx.checkIn(await freshCrisisItem(c), me(c).id)}` }),
  'GET /api/me/check-ins/{id}#another-members-check-in': async (c) => ({ url: `/api/me/check-ins/${await c.w.fx.checkIn(await freshCrisisItem(c), c.w.author.id)}` }),
  'POST /api/me/check-ins/{id}/replies#own-check-in': async (c) => ({ url: `/api/me/check-ins/${await c.w.fx.checkIn(await freshCrisisItem(c), me(c).id)}/replies`, body: { body: 'Thank you.' } }),
  'POST /api/me/check-ins/{id}/replies#another-members-check-in': async (c) => ({
    url: `/api/me/check-ins/${await c.w.fx.checkIn(await freshCrisisItem(c), c.w.author.id)}/replies`,
    body: { body: 'Thank you.' },
  }),
  'GET /api/moderation/log': () => ({ url: '/api/moderation/log' }),
  'GET /api/moderation/members/{id}/sanctions': (c) => ({ url: `/api/moderation/members/${c.w.actors.muted.id}/sanctions` }),

  'POST /api/moderation/{type}/{id}/actions#member-ban': async (c) => ({
    url: `/api/moderation/member/${(await c.w.fx.user('bannee')).id}/actions`,
    body: { action: 'ban', reason },
  }),
  'POST /api/rooms': () => ({
    url: '/api/rooms',
    body: { slug: `matrix-${randomUUID().slice(0, 8)}`, name: 'Matrix room', description: 'x', guidelines: 'Be kind.', visibility: 'listed', joinPolicy: 'open' },
  }),
  'PUT /api/rooms/{room}/moderators': async (c) => ({ url: `/api/rooms/${c.target.room.id}/moderators`, body: { userId: (await c.w.fx.user('appointee')).id } }),
  'DELETE /api/rooms/{room}/moderators/{userId}': async (c) => {
    const moderator = await c.w.fx.user('exmod');
    await c.w.fx.member(c.target.room.id, moderator.id, 'moderator');
    return { url: `/api/rooms/${c.target.room.id}/moderators/${moderator.id}` };
  },
  'GET /api/rooms/{room}/sessions': (c) => ({ url: `/api/rooms/${c.target.room.id}/sessions` }),
  'POST /api/rooms/{room}/sessions': (c) => ({ url: `/api/rooms/${c.target.room.id}/sessions`, body: { title: 'A matrix session', localStart: nextSessionDay(), timeZone: 'UTC', durationMinutes: 60, capacity: 10 } }),
  'GET /api/rooms/{room}/sessions/{id}': async (c) => ({ url: `/api/rooms/${c.target.room.id}/sessions/${await freshSession(c)}` }),
  'PATCH /api/rooms/{room}/sessions/{id}': async (c) => ({ url: `/api/rooms/${c.target.room.id}/sessions/${await freshSession(c)}`, body: { title: 'Renamed session' } }),
  'DELETE /api/rooms/{room}/sessions/{id}': async (c) => ({ url: `/api/rooms/${c.target.room.id}/sessions/${await freshSession(c)}` }),
  'PUT /api/rooms/{room}/sessions/{id}/rsvp': async (c) => ({ url: `/api/rooms/${c.target.room.id}/sessions/${await freshSession(c)}/rsvp` }),
  'DELETE /api/rooms/{room}/sessions/{id}/rsvp': async (c) => ({ url: `/api/rooms/${c.target.room.id}/sessions/${await freshSession(c)}/rsvp` }),
  'GET /api/rooms/{room}/sessions/live': (c) => ({ url: `/api/rooms/${c.target.room.id}/sessions/live` }),
  'GET /api/sessions/calendar.ics': () => ({ url: '/api/sessions/calendar.ics' }),
  'GET /api/admin/users': () => ({ url: '/api/admin/users' }),
  'PATCH /api/admin/users/{id}/role': async (c) => ({ url: `/api/admin/users/${(await c.w.fx.user('rolee')).id}/role`, body: { role: 'member', reason } }),
  'POST /api/rooms/{room}/archive': (c) => ({
    url: `/api/rooms/${c.target.room.id}/archive`,
    body: { reason },
    // The world's room must stay open for the other rows: restored through the API (which tells every cache).
    cleanup: async () => t.http.post(`/api/rooms/${c.target.room.id}/restore`).set('Cookie', (await cookieFor('admin'))!).send({ reason }),
  }),
  'POST /api/rooms/{room}/restore': (c) => ({ url: `/api/rooms/${c.target.room.id}/restore`, body: { reason } }),
  'GET /api/admin/site-settings': () => ({ url: '/api/admin/site-settings' }),
  'PATCH /api/admin/site-settings': () => ({ url: '/api/admin/site-settings', body: { demoNotice: false, reason } }),
  'PUT /api/admin/site-settings/crisis-resources/{country}': () => ({ url: '/api/admin/site-settings/crisis-resources/NZ', body: { resources: null, reason } }),
  'GET /api/admin/site-invites': () => ({ url: '/api/admin/site-invites' }),
  'POST /api/admin/site-invites': () => ({ url: '/api/admin/site-invites', body: { maxUses: 1, expiresInHours: 1 } }),
  'DELETE /api/admin/site-invites/{id}': async (c) => ({ url: `/api/admin/site-invites/${await c.w.fx.siteInvite(c.w.actors.admin.id)}` }),
};

const runningSession = (c: Cell) => c.w.fx.runningSession(c.target.room.id, c.w.actors.admin.id);

const SOCKET_RECIPES: Record<string, (c: Cell) => SocketCall | Promise<SocketCall>> = {
  'support-session:check-in': async (c) => ({ payload: { sessionId: await runningSession(c), round: 'opening', pass: false, word: 'hopeful' } }),
  'support-session:phase': async (c) => ({ payload: { sessionId: await runningSession(c), phase: 'open' } }),
  'support-session:pause': async (c) => ({ payload: { sessionId: await runningSession(c), seconds: 60 } }),
  'support-session:attend': async (c) => ({ payload: { sessionId: await runningSession(c) } }),
  'chat:join': (c) => ({ payload: { roomId: c.target.room.id } }),
  'chat:leave': (c) => ({ payload: { roomId: c.target.room.id } }),
  'chat:history': (c) => ({ payload: { roomId: c.target.room.id } }),
  'chat:read': (c) => ({ payload: { roomId: c.target.room.id, messageId: c.target.messageId } }),
  typing: (c) => ({ payload: { roomId: c.target.room.id, typing: true }, joinFirst: true }),
  'message:send': (c) => ({ payload: { roomId: c.target.room.id, clientId: randomUUID(), body: 'A matrix message.' }, joinFirst: true }),
  'message:edit#own-message': async (c) => ({ payload: { messageId: (await c.w.fx.message(c.target.room.id, me(c).id)).id, body: 'Edited.' } }),
  'message:edit#another-members-message': async (c) => ({ payload: { messageId: (await c.w.fx.message(c.target.room.id, c.target.author.id)).id, body: 'Edited.' } }),
  'message:delete#own-message': async (c) => ({ payload: { messageId: (await c.w.fx.message(c.target.room.id, me(c).id)).id } }),
  'message:delete#another-members-message': async (c) => ({ payload: { messageId: (await c.w.fx.message(c.target.room.id, c.target.author.id)).id } }),
  'mod:message:remove': async (c) => ({ payload: { messageId: (await c.w.fx.message(c.target.room.id, c.target.author.id)).id, reason } }),
  'mod:mute': async (c) => {
    const subject = await c.w.fx.user('chatmutee');
    await c.w.fx.member(c.target.room.id, subject.id);
    return { payload: { roomId: c.target.room.id, userId: subject.id, minutes: 5, reason } };
  },
  'mod:slow-mode': (c) => ({ payload: { roomId: c.target.room.id, seconds: 0 } }),
  'mod:lock': (c) => ({ payload: { roomId: c.target.room.id, locked: false, reason } }),
  'mod:notice': (c) => ({ payload: { roomId: c.target.room.id, text: null } }),
  'conversation:join#own-conversation': async (c) => ({ payload: { conversationId: await c.w.fx.conversation(c.w.author.id, me(c).id, 'active') } }),
  'conversation:join#another-members-conversation': async (c) => ({ payload: { conversationId: await c.w.fx.conversation(c.w.author.id, c.w.spare.id, 'active') } }),
  'conversation:leave': async (c) => ({ payload: { conversationId: await c.w.fx.conversation(c.w.author.id, me(c).id, 'active') } }),
  'conversation:send#own-conversation': async (c) => ({
    payload: { conversationId: await c.w.fx.conversation(c.w.author.id, me(c).id, 'active'), clientId: randomUUID(), body: 'A private matrix message.' },
  }),
  'conversation:send#another-members-conversation': async (c) => ({
    payload: { conversationId: await c.w.fx.conversation(c.w.author.id, c.w.spare.id, 'active'), clientId: randomUUID(), body: 'A private matrix message.' },
  }),
  'conversation:edit#own-message': async (c) => messageIn(c, me(c).id, me(c).id, { body: 'Edited.' }),
  'conversation:edit#another-members-message': async (c) => messageIn(c, me(c).id, c.w.author.id, { body: 'Edited.' }),
  'conversation:edit#another-members-conversation': async (c) => messageIn(c, c.w.spare.id, c.w.author.id, { body: 'Edited.' }),
  'conversation:delete#own-message': async (c) => messageIn(c, me(c).id, me(c).id),
  'conversation:delete#another-members-message': async (c) => messageIn(c, me(c).id, c.w.author.id),
  'conversation:delete#another-members-conversation': async (c) => messageIn(c, c.w.spare.id, c.w.author.id),
  'conversation:typing#own-conversation': async (c) => ({ payload: { conversationId: await c.w.fx.conversation(c.w.author.id, me(c).id, 'active'), typing: true } }),
  'conversation:read#own-conversation': async (c) => messageIn(c, me(c).id, c.w.author.id),
  'conversation:read#another-members-conversation': async (c) => messageIn(c, c.w.spare.id, c.w.author.id),
  'conversation:typing#another-members-conversation': async (c) => ({ payload: { conversationId: await c.w.fx.conversation(c.w.author.id, c.w.spare.id, 'active'), typing: true } }),
};

let t: ListeningApp;
let w: World;
let cellsRun = 0;

beforeAll(async () => {
  // Routes are discovered from the public OpenAPI document; API_DOCS=admins is covered in tests/integration/api-docs.test.ts.
  t = await startListeningApp({ API_DOCS: 'on' });
  w = await buildWorld(t);
}, 60_000);
afterAll(async () => {
  const restCells = REST_MATRIX.length * ACTORS.length;
  const socketCells = SOCKET_MATRIX.length * ACTORS.length;
  process.stdout.write(
    `\nauthorization matrix: ${REST_MATRIX.length} REST rows (${new Set(REST_MATRIX.map((r) => `${r.method} ${r.path}`)).size} routes), ` +
      `${SOCKET_MATRIX.length} socket rows (${new Set(SOCKET_MATRIX.map((r) => r.event)).size} events), ${ACTORS.length} actors → ` +
      `${restCells + socketCells} cells (${cellsRun} run here, ${KNOWN_BUGS.reduce((n, b) => n + b.actors.length, 0)} known-bug cells)\n`,
  );
  await t?.close();
});

const cellFor = (actor: Actor): Cell => ({ w, actor, user: actor === 'anonymous' ? undefined : w.actors[actor], target: targetOf(w, actor) });
const knownBug = (key: string, actor: Actor) => KNOWN_BUGS.find((b) => b.row === key && b.actors.includes(actor));

/** The cookie a cell presents: a fresh session per cell (so logout rows cannot starve later ones); the revoked one for `banned`. */
async function cookieFor(actor: Actor): Promise<string | undefined> {
  if (actor === 'anonymous') return undefined;
  if (actor === 'banned') return `kindred_session=${w.actors.banned.token}`;
  return `kindred_session=${await w.fx.session(w.actors[actor].id)}`;
}

const ALLOWED_ERROR_KEYS = new Set(['statusCode', 'code', 'message', 'details', 'params']);

/** Undefined when the answer is the promised one; otherwise what was wrong. */
function judgeRest(res: Response, expected: RestOutcome): string | undefined {
  const [status, code] = String(expected).split(' ') as [string, string | undefined];
  const got = `${res.status}${res.body?.code ? ` ${res.body.code}` : ''}`;
  if (res.status !== Number(status) || (code && res.body?.code !== code)) return `expected ${expected}, got ${got}`;
  if (res.status >= 400) {
    const body = res.body as Record<string, unknown>;
    const shapeOk = body.statusCode === res.status && typeof body.code === 'string' && typeof body.message === 'string' && Object.keys(body).every((k) => ALLOWED_ERROR_KEYS.has(k));
    if (!shapeOk) return `${got} is not in the error shape: ${JSON.stringify(body).slice(0, 200)}`;
  }
  return undefined;
}

async function runRestCell(row: RestRow, actor: Actor): Promise<string | undefined> {
  const c = cellFor(actor);
  const call = await REST_RECIPES[rowKey(row)]!(c);
  const cookie = await cookieFor(actor);
  let req = t.http[row.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](call.url);
  if (cookie) req = req.set('Cookie', cookie);
  try {
    const res = await (call.body === undefined ? req : req.send(call.body as object));
    return judgeRest(res, row.expect[actor]) ?? (res.status < 300 ? call.check?.(res) : undefined);
  } finally {
    await call.cleanup?.();
  }
}

describe('REST: every route × every actor', () => {
  for (const row of REST_MATRIX) {
    const key = rowKey(row);
    it(key, async () => {
      const wrong: string[] = [];
      for (const actor of ACTORS) {
        if (knownBug(key, actor)) continue;
        const problem = await runRestCell(row, actor);
        cellsRun += 1;
        if (problem) wrong.push(`${actor}: ${problem}`);
      }
      expect(wrong).toEqual([]);
    });
  }
});

describe('Socket.IO /chat: every event × every actor', () => {
  const sockets = new Map<Actor, ChatClient>();
  const refusals = new Map<Actor, string>();

  beforeAll(async () => {
    for (const actor of ACTORS) {
      const token = actor === 'anonymous' ? undefined : actor === 'banned' ? w.actors.banned.token : await w.fx.session(w.actors[actor].id);
      const socket = connectChat(t.baseUrl, token);
      const outcome = await new Promise<string | undefined>((resolve) => {
        socket.once('connect', () => resolve(undefined));
        socket.once('connect_error', (error: Error & { data?: { code?: string } }) => resolve(error.data?.code ?? error.message));
      });
      if (outcome === undefined) sockets.set(actor, socket);
      else {
        refusals.set(actor, outcome);
        socket.disconnect();
      }
    }
  });
  afterAll(() => {
    for (const s of sockets.values()) s.disconnect();
  });

  /** What one actor actually gets for one row: 'ok', an error code, or 'refused'. */
  async function observeSocket(row: SocketRow, actor: Actor): Promise<string> {
    const socket = sockets.get(actor);
    if (!socket) return refusals.get(actor) === 'UNAUTHENTICATED' ? 'refused' : `refused (${refusals.get(actor)})`;
    const c = cellFor(actor);
    const call = await SOCKET_RECIPES[rowKey(row)]!(c);
    if (call.joinFirst) await request(socket, ChatClientEvent.Join, { roomId: c.target.room.id });
    const ack = await request<{ ok: boolean; code?: string; message?: string }>(socket, row.event, call.payload);
    if (ack.ok) return 'ok';
    if (typeof ack.code !== 'string' || typeof ack.message !== 'string') return `an error ack without code/message: ${JSON.stringify(ack)}`;
    return ack.code;
  }

  async function runSocketCell(row: SocketRow, actor: Actor): Promise<string | undefined> {
    const expected: SocketOutcome = row.expect[actor];
    const got = await observeSocket(row, actor);
    return got === expected ? undefined : `expected ${expected}, got ${got}`;
  }

  for (const row of SOCKET_MATRIX) {
    const key = rowKey(row);
    it(key, async () => {
      const wrong: string[] = [];
      for (const actor of ACTORS) {
        const bug = knownBug(key, actor);
        cellsRun += 1;
        if (bug) {
          // Pinned to the reported behaviour, so a change (e.g. the fix) is noticed here.
          const got = await observeSocket(row, actor);
          if (got !== bug.actual) wrong.push(`${actor}: known bug changed: was ${bug.actual}, now ${got} — update KNOWN_BUGS`);
          continue;
        }
        const problem = await runSocketCell(row, actor);
        if (problem) wrong.push(`${actor}: ${problem}`);
      }
      expect(wrong).toEqual([]);
    });
  }

});

describe('the matrix cannot be skipped', () => {
  it('has a row for every REST route the running app serves, and no row for a route that is gone', async () => {
    const served = await discoverRestRoutes(t);
    const inTable = new Set(REST_MATRIX.map((r) => `${r.method} ${r.path}`));
    expect(served.filter((r) => !inTable.has(r))).toEqual([]);
    expect([...inTable].filter((r) => !served.includes(r))).toEqual([]);
  });

  it('has a row for every socket event in ChatClientEvent and ConversationClientEvent, and no row for an unknown event', () => {
    const events = [...Object.values(ChatClientEvent), ...Object.values(ConversationClientEvent), ...Object.values(SessionClientEvent)] as string[];
    const inTable = new Set(SOCKET_MATRIX.map((r) => r.event));
    expect(events.filter((e) => !inTable.has(e))).toEqual([]);
    expect([...inTable].filter((e) => !events.includes(e))).toEqual([]);
  });

  it('knows how to run every row, and every known bug points at a real cell', () => {
    expect(REST_MATRIX.map(rowKey).filter((k) => !REST_RECIPES[k])).toEqual([]);
    expect(SOCKET_MATRIX.map(rowKey).filter((k) => !SOCKET_RECIPES[k])).toEqual([]);
    expect(Object.keys(REST_RECIPES).filter((k) => !REST_MATRIX.some((r) => rowKey(r) === k))).toEqual([]);
    expect(KNOWN_BUGS.filter((b) => !SOCKET_MATRIX.some((r) => rowKey(r) === b.row))).toEqual([]);
    expect(new Set(REST_MATRIX.map(rowKey)).size).toBe(REST_MATRIX.length);
  });
});
