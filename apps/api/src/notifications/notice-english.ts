import { CONTENT_WARNING_LABELS, type ContentWarningCategory, type ModerationActionType, type NoticeContent, type ReportOutcome, type ReportTargetType } from '@kindred/contracts';
import { asSentence } from '../common/text/sentence.js';

// The English words of each notice, kept in the `title` and `body` columns for clients older
// than codes (and for the data export). The app renders `code` + `params` in the member's
// language instead; its English catalogue says the same.

const TARGET: Record<ReportTargetType, string> = { post: 'post', thread: 'thread', message: 'chat message', member: 'account' };

const DONE: Partial<Record<ModerationActionType, (target: string) => string>> = {
  hide: (t) => `hid your ${t} while it is reviewed`,
  remove: (t) => `removed your ${t}`,
  restore: (t) => `restored your ${t}`,
  'set-warning': (t) => `added a content warning to your ${t}`,
  lock: () => 'closed your thread to new replies',
  unlock: () => 'opened your thread to replies again',
  move: () => 'moved your thread to another room',
  warn: () => 'sent you a warning',
  mute: () => 'muted you in a room for a while',
  suspend: () => 'suspended your account for a while',
  ban: () => 'banned your account',
  lift: () => 'lifted a restriction on your account',
  approve: (t) => `approved your ${t}; it is now visible`,
  reject: (t) => `did not approve your ${t}`,
};

const APPEAL_HINT = 'If you think this was a mistake, you can appeal from this notice; a different moderator will look at it.';

export function reportOutcomeText(outcome: ReportOutcome): string {
  if (outcome.outcome === 'message') return outcome.message;
  return outcome.outcome === 'no-action' ? 'A moderator looked at this and decided no action was needed.' : 'A moderator looked at this and took action. Thank you for telling us.';
}

export function englishNotice(content: NoticeContent): { title: string; body: string } {
  switch (content.code) {
    case 'moderation.action':
    case 'moderation.update': {
      const { action, target, reason } = content.params;
      const done = DONE[action]?.(TARGET[target]) ?? `took an action on your ${TARGET[target]}`;
      const hint = content.code === 'moderation.action' ? ` ${APPEAL_HINT}` : '';
      return { title: 'A moderator acted on your account or content', body: `A moderator ${done}. Reason: ${asSentence(reason)}${hint}` };
    }
    case 'held-post.approved':
      return { title: 'Your post is now visible', body: 'A moderator approved your post. Thank you for your patience.' };
    case 'report.outcome':
      return { title: 'About your report', body: reportOutcomeText(content.params) };
    case 'appeal.outcome': {
      const { decision, resolution } = content.params;
      const body = decision === 'kept' ? `A different moderator reviewed your appeal and kept the decision. ${resolution}` : `A different moderator reviewed your appeal: ${resolution}`;
      return { title: 'Your appeal was reviewed', body };
    }
    case 'join-request.approved': {
      const { roomName } = content.params;
      return { title: `You can now take part in ${roomName}`, body: `A moderator approved your request to join ${roomName}. You can read, post and chat there now.` };
    }
    case 'join-request.declined': {
      const { roomName } = content.params;
      return {
        title: `About your request to join ${roomName}`,
        body: `A moderator of ${roomName} did not add you this time. This is not a mark against you; you are welcome to ask again later, or to look for another room that fits.`,
      };
    }
    case 'sign-in.new-device':
      return {
        title: 'New sign-in to your account',
        body: `Someone signed in to your account from ${content.params.device}, which has not been used with it before. If this was you, there is nothing to do. If not, open Safety check and choose "Someone else may know my password".`,
      };
    case 'care.check-in':
      return { title: 'A message from the moderation team', body: content.params.message };
    case 'care.reply':
      return { title: 'An answer to your check-in', body: 'The member you checked in with wrote back. Their answer is with the queue item.' };
    case 'care.hand-over':
      return { title: 'A crisis item was handed to you', body: 'Another moderator asked you to take over caring for someone in the queue.' };
    case 'warning.added': {
      const { categories, reason } = content.params;
      const what = categories.length ? `a content warning (${categories.map((c) => CONTENT_WARNING_LABELS[c as ContentWarningCategory] ?? c).join(', ')})` : 'a change to the content warning';
      return {
        title: 'A content warning was added to your words',
        body: `A moderator added ${what} so that each reader can choose whether and when to read it. Your words are still there, and nothing is held against you. Why: ${asSentence(reason)}`,
      };
    }
    case 'session.reminder':
      return { title: 'A support session starts soon', body: `"${content.params.title}" starts at ${content.params.startsAt.slice(0, 16).replace('T', ' ')} UTC.` };
    case 'session.cancelled':
      return { title: 'A support session was cancelled', body: `"${content.params.title}" will not take place. Your place in it is released.` };
    case 'reply.new': {
      // The English words leave out the count: a batched notice changes it without rewriting them.
      const { threadTitle } = content.params;
      return { title: 'New replies in a thread you follow', body: `There are new replies in "${threadTitle}".` };
    }
    case 'room-thread.new': {
      const { roomName } = content.params;
      return { title: 'New threads in a room you follow', body: `There are new threads in ${roomName}.` };
    }
    case 'mention.post':
      return { title: 'You were mentioned', body: `${content.params.authorHandle} mentioned you in "${content.params.threadTitle}".` };
    case 'mention.chat':
      return { title: 'You were mentioned', body: `${content.params.authorHandle} mentioned you in the live chat of ${content.params.roomName}.` };
    case 'legacy':
      return content.params;
  }
}

/**
 * The coded outcome of a decided report from the words kept for it: the two standard outcomes
 * are stored in their English words (older rows too), anything else is the moderator's own.
 */
export function reportOutcomeFromText(text: string | null): ReportOutcome | null {
  if (text === null) return null;
  for (const outcome of ['no-action', 'actioned'] as const) if (text === reportOutcomeText({ outcome })) return { outcome };
  return { outcome: 'message', message: text };
}
