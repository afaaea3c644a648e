import { MODERATION_REASON_MAX_LENGTH } from '@kindred/contracts';

/** Common reasons, so a decision is quick and worded kindly; free text covers the rest. */
export const CANNED_REASONS = [
  'Harassment or a personal attack',
  'Needs a content warning',
  'Graphic detail that could hurt others',
  'Shares identifying or private information',
  'Hateful content',
  'Spam or advertising',
  'Off-topic for this room',
  'Within the guidelines',
] as const;

export const OWN_WORDS = 'own';
export const REASON_MIN_LENGTH = 3;

export interface ReasonChoice {
  /** One of CANNED_REASONS, OWN_WORDS, or '' (nothing chosen yet). */
  preset: string;
  detail: string;
}

export const emptyReason = (preset = ''): ReasonChoice => ({ preset, detail: '' });

/** "Needs a content warning: mentions a method" — or just the free text. */
export function composeReason(choice: ReasonChoice): string {
  const detail = choice.detail.trim();
  if (!choice.preset || choice.preset === OWN_WORDS) return detail;
  return detail ? `${choice.preset}: ${detail}` : choice.preset;
}

export function reasonProblem(choice: ReasonChoice): string | undefined {
  const reason = composeReason(choice);
  if (!choice.preset) return 'Please choose a reason, or write your own.';
  if (reason.length < REASON_MIN_LENGTH) return 'Please write a reason of a few words.';
  if (reason.length > MODERATION_REASON_MAX_LENGTH) return `Please keep the reason under ${MODERATION_REASON_MAX_LENGTH} characters.`;
  return undefined;
}

/** How long a mute lasts, offered in chat and on the moderation dashboard. */
export const MUTE_DURATIONS = [
  { minutes: 15, label: '15 minutes' },
  { minutes: 60, label: '1 hour' },
  { minutes: 24 * 60, label: '1 day' },
  { minutes: 7 * 24 * 60, label: '1 week' },
];
