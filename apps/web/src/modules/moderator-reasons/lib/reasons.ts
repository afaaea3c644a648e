import { MODERATION_REASON_MAX_LENGTH } from '@kindred/contracts';
import type { MessageId } from '../../../shared/i18n/message-id';
import type { Translate } from '../../../shared/i18n/use-t';

/**
 * Common reasons, so a decision is quick and worded kindly; free text covers the rest. The
 * reason is sent worded in the moderator's language: it is their message to the member.
 */
export const CANNED_REASONS: Record<string, MessageId> = {
  harassment: 'reasons.canned.harassment',
  warning: 'reasons.canned.warning',
  graphic: 'reasons.canned.graphic',
  identifying: 'reasons.canned.identifying',
  hateful: 'reasons.canned.hateful',
  spam: 'reasons.canned.spam',
  offTopic: 'reasons.canned.offTopic',
  withinGuidelines: 'reasons.canned.withinGuidelines',
};

export const OWN_WORDS = 'own';
export const REASON_MIN_LENGTH = 3;

export interface ReasonChoice {
  /** A key of CANNED_REASONS, OWN_WORDS, or '' (nothing chosen yet). */
  preset: string;
  detail: string;
}

export const emptyReason = (preset = ''): ReasonChoice => ({ preset, detail: '' });

/** "Needs a content warning: mentions a method" — or just the free text. */
export function composeReason(choice: ReasonChoice, t: Translate): string {
  const detail = choice.detail.trim();
  const canned = CANNED_REASONS[choice.preset];
  if (!canned) return detail;
  return detail ? t('reasons.withDetail', { reason: t(canned), detail }) : t(canned);
}

export function reasonProblem(choice: ReasonChoice, t: Translate): string | undefined {
  const reason = composeReason(choice, t);
  if (!choice.preset) return t('reasons.problem.choose');
  if (reason.length < REASON_MIN_LENGTH) return t('reasons.problem.tooShort');
  if (reason.length > MODERATION_REASON_MAX_LENGTH) return t('reasons.problem.tooLong', { max: MODERATION_REASON_MAX_LENGTH });
  return undefined;
}
