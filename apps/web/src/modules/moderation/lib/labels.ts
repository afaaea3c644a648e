import type { ModerationActionType, QueueItemKind, QueueItemStatus, ReportCategory, ReportTargetType, Severity } from '@kindred/contracts';
import { useCallback } from 'react';
import type { MessageId } from '../../../shared/i18n/message-id';
import { useT, type Translate } from '../../../shared/i18n/use-t';

export const SEVERITY_LABELS: Record<Severity, MessageId> = { 3: 'moderation.severity.crisis', 2: 'moderation.severity.harm', 1: 'moderation.severity.other' };
export const SEVERITY_CLASS: Record<Severity, string> = { 3: 'crisis', 2: 'harm', 1: 'other' };

export const KIND_LABELS: Record<QueueItemKind, MessageId> = {
  report: 'moderation.kind.report',
  crisis: 'moderation.kind.crisis',
  'held-post': 'moderation.kind.heldPost',
  appeal: 'moderation.kind.appeal',
};

export const STATUS_LABELS: Record<QueueItemStatus, MessageId> = {
  open: 'moderation.status.open',
  claimed: 'moderation.status.claimed',
  resolved: 'moderation.status.resolved',
  dismissed: 'moderation.status.dismissed',
};

/** What was reported, for the reporter's own list. */
export const REPORTED_TARGET: Record<ReportTargetType, MessageId> = {
  post: 'moderation.log.object.post',
  thread: 'moderation.log.object.thread',
  message: 'moderation.log.object.message',
  member: 'moderation.log.object.member',
};

export const REPORT_CATEGORY: Record<ReportCategory, MessageId> = {
  crisis: 'moderation.category.crisis',
  harassment: 'moderation.category.harassment',
  hateful: 'moderation.category.hateful',
  sexual: 'moderation.category.sexual',
  spam: 'moderation.category.spam',
  'missing-warning': 'moderation.category.missingWarning',
  other: 'moderation.category.other',
};

export const REPORT_STATUS: Record<QueueItemStatus, MessageId> = {
  open: 'moderation.reportStatus.open',
  claimed: 'moderation.reportStatus.open',
  resolved: 'moderation.reportStatus.resolved',
  dismissed: 'moderation.reportStatus.dismissed',
};

/** What each action does, in the moderator's words. `{who}` is the member's handle. */
export const ACTION_LABELS: Record<ModerationActionType, MessageId> = {
  hide: 'moderation.action.hide',
  remove: 'moderation.action.remove',
  restore: 'moderation.action.restore',
  'set-warning': 'moderation.action.setWarning',
  lock: 'moderation.action.lock',
  unlock: 'moderation.action.unlock',
  pin: 'moderation.action.pin',
  unpin: 'moderation.action.unpin',
  move: 'moderation.action.move',
  warn: 'moderation.action.warn',
  mute: 'moderation.action.mute',
  suspend: 'moderation.action.suspend',
  ban: 'moderation.action.ban',
  lift: 'moderation.action.lift',
  approve: 'moderation.action.approve',
  reject: 'moderation.action.reject',
};

const LOG_VERBS: Record<string, MessageId> = {
  hide: 'moderation.log.verb.hide',
  remove: 'moderation.log.verb.remove',
  restore: 'moderation.log.verb.restore',
  'set-warning': 'moderation.log.verb.setWarning',
  lock: 'moderation.log.verb.lock',
  unlock: 'moderation.log.verb.unlock',
  pin: 'moderation.log.verb.pin',
  unpin: 'moderation.log.verb.unpin',
  move: 'moderation.log.verb.move',
  approve: 'moderation.log.verb.approve',
  reject: 'moderation.log.verb.reject',
  warn: 'moderation.log.verb.warn',
  mute: 'moderation.log.verb.mute',
  suspend: 'moderation.log.verb.suspend',
  ban: 'moderation.log.verb.ban',
  lift: 'moderation.log.verb.lift',
  deny: 'moderation.log.verb.deny',
  create: 'moderation.log.verb.create',
  revoke: 'moderation.log.verb.revoke',
  configure: 'moderation.log.verb.configure',
  appoint: 'moderation.log.verb.appoint',
};

const LOG_OBJECTS: Record<string, MessageId> = {
  post: 'moderation.log.object.post',
  thread: 'moderation.log.object.thread',
  message: 'moderation.log.object.message',
  member: 'moderation.log.object.member',
  'join-request': 'moderation.log.object.joinRequest',
  invite: 'moderation.log.object.invite',
  room: 'moderation.log.object.room',
  moderator: 'moderation.log.object.moderator',
};

const SPECIAL: Record<string, MessageId> = {
  'chat.slow-mode': 'moderation.log.chatSlowMode',
  'chat.lock': 'moderation.log.chatLock',
  'chat.unlock': 'moderation.log.chatUnlock',
  'chat.notice': 'moderation.log.chatNotice',
  'chat.notice-clear': 'moderation.log.chatNoticeClear',
  'room.archive': 'moderation.log.roomArchive',
  'role.change': 'moderation.log.roleChange',
  'site.settings': 'moderation.log.siteSettings',
  'site.crisis-resources': 'moderation.log.siteCrisisResources',
  'site.crisis-resources.reset': 'moderation.log.siteCrisisResourcesReset',
  'site-invite.create': 'moderation.log.siteInviteCreate',
  'site-invite.revoke': 'moderation.log.siteInviteRevoke',
};

/** "message.remove" → "Removed a chat message", in the active language. Unknown actions show as they are. */
export function describeLogAction(action: string, t: Translate): string {
  const special = SPECIAL[action];
  if (special) return t(special);
  const [object = '', verb = ''] = action.split('.');
  const v = LOG_VERBS[verb];
  const o = LOG_OBJECTS[object];
  return v && o ? t(v, { object: t(o) }) : action;
}

/** `describeLogAction` bound to the active language. */
export function useDescribeLogAction(): (action: string) => string {
  const t = useT();
  return useCallback((action: string) => describeLogAction(action, t), [t]);
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
