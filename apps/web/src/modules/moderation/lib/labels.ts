import type { ModerationActionType, QueueItemKind, QueueItemStatus, ReportTargetType, Severity } from '@kindred/contracts';

export const SEVERITY_LABELS: Record<Severity, string> = { 3: 'Crisis', 2: 'Harm', 1: 'Other' };
export const SEVERITY_CLASS: Record<Severity, string> = { 3: 'crisis', 2: 'harm', 1: 'other' };

export const KIND_LABELS: Record<QueueItemKind, string> = {
  report: 'Report',
  crisis: 'Crisis language',
  'held-post': 'Held for review',
  appeal: 'Appeal',
};

export const STATUS_LABELS: Record<QueueItemStatus, string> = {
  open: 'Open',
  claimed: 'Claimed',
  resolved: 'Resolved',
  dismissed: 'Dismissed',
};

export const TARGET_LABELS: Record<ReportTargetType, string> = {
  post: 'a reply',
  thread: 'a thread',
  message: 'a chat message',
  member: 'a member',
};

/** What each action does, in the moderator's words. `{who}` is the member's handle. */
export const ACTION_LABELS: Record<ModerationActionType, string> = {
  hide: 'Hide while reviewing',
  remove: 'Remove',
  restore: 'Restore',
  'set-warning': 'Add or change the content warning',
  lock: 'Lock (no new replies)',
  unlock: 'Unlock',
  pin: 'Pin to the top of the room',
  unpin: 'Unpin',
  move: 'Move to another room',
  warn: 'Warn {who} privately',
  mute: 'Mute {who} in this room',
  suspend: 'Suspend {who}’s account for a while',
  ban: 'Ban {who}',
  lift: 'Lift a restriction on {who}',
  approve: 'Approve: make it visible',
  reject: 'Do not approve',
};

const LOG_VERBS: Record<string, string> = {
  hide: 'hid',
  remove: 'removed',
  restore: 'restored',
  'set-warning': 'set the content warning on',
  lock: 'locked',
  unlock: 'unlocked',
  pin: 'pinned',
  unpin: 'unpinned',
  move: 'moved',
  approve: 'approved',
  reject: 'did not approve',
  warn: 'warned',
  mute: 'muted',
  suspend: 'suspended',
  ban: 'banned',
  lift: 'lifted a restriction on',
  deny: 'declined',
  create: 'created',
  revoke: 'revoked',
  configure: 'changed the settings of',
  appoint: 'appointed',
};

const LOG_OBJECTS: Record<string, string> = {
  post: 'a reply',
  thread: 'a thread',
  message: 'a chat message',
  member: 'a member',
  'join-request': 'a join request',
  invite: 'an invite',
  room: 'the room',
  moderator: 'a moderator',
};

const SPECIAL: Record<string, string> = {
  'chat.slow-mode': 'Changed chat slow mode',
  'chat.lock': 'Made the chat read-only',
  'chat.unlock': 'Reopened the chat',
  'chat.notice': 'Pinned a chat notice',
  'chat.notice-clear': 'Cleared the chat notice',
};

/** "message.remove" → "Removed a chat message". Unknown actions show as they are. */
export function describeLogAction(action: string): string {
  if (SPECIAL[action]) return SPECIAL[action];
  const [object = '', verb = ''] = action.split('.');
  const v = LOG_VERBS[verb];
  const o = LOG_OBJECTS[object];
  if (!v || !o) return action;
  const text = `${v} ${o}`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Filter choices for the log. */
export const LOG_ACTION_FILTERS = [
  'message.remove',
  'message.restore',
  'post.hide',
  'post.remove',
  'post.restore',
  'post.set-warning',
  'post.approve',
  'post.reject',
  'thread.remove',
  'thread.lock',
  'thread.approve',
  'thread.pin',
  'thread.move',
  'member.warn',
  'member.mute',
  'member.suspend',
  'member.ban',
  'member.lift',
  'join-request.approve',
  'join-request.deny',
  'chat.slow-mode',
  'chat.lock',
  'chat.notice',
];
