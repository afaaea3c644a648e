import { deviceKindOf, type ContentWarningCategory, type ModerationActionType, type NoticeContent, type ReportTargetType } from '@kindred/contracts';
import { deviceText } from '../../../shared/i18n/device-text';
import { useCallback } from 'react';
import type { MessageId } from '../../../shared/i18n/message-id';
import { useT, type Translate } from '../../../shared/i18n/use-t';
import { formatAbsolute } from '../../../shared/lib/format-time';
import { CATEGORY_LABELS } from '../../content-warnings/lib/labels';

/** A taxonomy label in the active language; an unknown (newer) category shows as sent. */
function categoryLabel(category: string, t: Translate): string {
  const id = CATEGORY_LABELS[category as ContentWarningCategory];
  return id ? t(id) : category;
}

// Notices arrive as a code and parameters (DESIGN rule 12); the words are the app's, in the
// member's language. Words a moderator wrote (a reason, a note) are shown as written.

const DONE: Record<ModerationActionType, MessageId> = {
  hide: 'notice.done.hide',
  remove: 'notice.done.remove',
  restore: 'notice.done.restore',
  'set-warning': 'notice.done.setWarning',
  lock: 'notice.done.lock',
  unlock: 'notice.done.unlock',
  pin: 'notice.done.other',
  unpin: 'notice.done.other',
  move: 'notice.done.move',
  warn: 'notice.done.warn',
  mute: 'notice.done.mute',
  suspend: 'notice.done.suspend',
  ban: 'notice.done.ban',
  lift: 'notice.done.lift',
  approve: 'notice.done.approve',
  reject: 'notice.done.reject',
};

const TARGET: Record<ReportTargetType, MessageId> = {
  post: 'notice.target.post',
  thread: 'notice.target.thread',
  message: 'notice.target.message',
  member: 'notice.target.member',
};

export interface NoticeText {
  title: string;
  body: string;
}

export function noticeText(notice: NoticeContent, t: Translate): NoticeText {
  switch (notice.code) {
    case 'moderation.action':
    case 'moderation.update': {
      const { action, target, reason } = notice.params;
      const done = t(DONE[action] ?? 'notice.done.other', { target: t(TARGET[target] ?? 'notice.target.member') });
      const parts = [done, t('notice.reason', { reason })];
      if (notice.code === 'moderation.action') parts.push(t('notice.appealHint'));
      return { title: t('notice.moderation.title'), body: parts.join(' ') };
    }
    case 'held-post.approved':
      return { title: t('notice.heldPost.title'), body: t('notice.heldPost.body') };
    case 'report.outcome': {
      const outcome = notice.params;
      const body = outcome.outcome === 'message' ? outcome.message : t(outcome.outcome === 'no-action' ? 'notice.report.noAction' : 'notice.report.actioned');
      return { title: t('notice.report.title'), body };
    }
    case 'appeal.outcome': {
      const { decision, resolution } = notice.params;
      return { title: t('notice.appeal.title'), body: t(decision === 'kept' ? 'notice.appeal.kept' : 'notice.appeal.changed', { resolution }) };
    }
    case 'join-request.approved':
      return { title: t('notice.joinApproved.title', notice.params), body: t('notice.joinApproved.body', notice.params) };
    case 'join-request.declined':
      return { title: t('notice.joinDeclined.title', notice.params), body: t('notice.joinDeclined.body', notice.params) };
    case 'sign-in.new-device':
      // The label is stored English with the notice; worded again in the member's language.
      return { title: t('notice.newDevice.title'), body: t('notice.newDevice.body', { device: deviceText(deviceKindOf(notice.params.device), t) }) };
    case 'care.check-in':
      return { title: t('notice.careCheckIn.title'), body: notice.params.message };
    case 'care.reply':
      return { title: t('notice.careReply.title'), body: t('notice.careReply.body') };
    case 'care.hand-over':
      return { title: t('notice.careHandOver.title'), body: t('notice.careHandOver.body') };
    case 'warning.added': {
      const { categories, reason } = notice.params;
      const what = categories.length
        ? t('notice.warningAdded.categories', { categories: categories.map((c) => categoryLabel(c, t)).join(', ') })
        : t('notice.warningAdded.change');
      return { title: t('notice.warningAdded.title'), body: t('notice.warningAdded.body', { what, reason }) };
    }
    case 'session.reminder':
      // The start is shown in the member's own zone (the browser's), never the facilitator's.
      return { title: t('notice.sessionReminder.title'), body: t('notice.sessionReminder.body', { title: notice.params.title, when: formatAbsolute(notice.params.startsAt) }) };
    case 'session.cancelled':
      return { title: t('notice.sessionCancelled.title'), body: t('notice.sessionCancelled.body', notice.params) };
    case 'reply.new':
      return { title: t('notice.reply.title'), body: t('notice.reply.body', notice.params) };
    case 'room-thread.new':
      return { title: t('notice.roomThread.title'), body: t('notice.roomThread.body', notice.params) };
    case 'mention.post':
      return { title: t('notice.mention.title'), body: t('notice.mention.post', notice.params) };
    case 'mention.chat':
      return { title: t('notice.mention.title'), body: t('notice.mention.chat', notice.params) };
    case 'legacy':
      return notice.params;
    default:
      // A code this version of the app does not know yet: nothing to word it with.
      return { title: t('notice.unknown.title'), body: '' };
  }
}

/** `noticeText` in the active language; changes identity when the language does. */
export function useNoticeText(): (notice: NoticeContent) => NoticeText {
  const t = useT();
  return useCallback((notice: NoticeContent) => noticeText(notice, t), [t]);
}
