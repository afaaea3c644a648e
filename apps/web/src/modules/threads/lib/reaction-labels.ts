import type { ReactionKind } from '@kindred/contracts';
import type { MessageId } from '../../../shared/i18n/message-id';

/** The words of each supportive reaction (posts and conversation messages). */
export const REACTION_LABELS: Record<ReactionKind, MessageId> = {
  strength: 'threads.reaction.strength',
  relate: 'threads.reaction.relate',
  'thank-you': 'threads.reaction.thankYou',
  hug: 'threads.reaction.hug',
};
