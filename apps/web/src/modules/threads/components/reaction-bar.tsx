import type { PostView } from '@kindred/contracts';
import { REACTION_KINDS, type ReactionKind } from '@kindred/contracts';
import { useReaction } from '../hooks/use-thread';
import { useT } from '../../../shared/i18n/use-t';
import type { MessageId } from '../../../shared/i18n/message-id';

interface ReactionBarProps {
  post: PostView;
  /** Members can react; others see the counts only. */
  canReact: boolean;
}

const REACTION_LABELS: Record<ReactionKind, MessageId> = {
  strength: 'threads.reaction.strength',
  relate: 'threads.reaction.relate',
  'thank-you': 'threads.reaction.thankYou',
  hug: 'threads.reaction.hug',
};

/** Supportive reactions only: no downvotes, no scores. */
export function ReactionBar({ post, canReact }: ReactionBarProps) {
  const t = useT();
  const reaction = useReaction(post.threadId);

  return (
    <ul className="reactions" aria-label={t('threads.reactions')}>
      {REACTION_KINDS.map((kind) => {
        const mine = post.myReactions.includes(kind);
        const count = post.reactions[kind];
        return (
          <li key={kind}>
            <button
              type="button"
              className="reaction"
              aria-pressed={mine}
              disabled={!canReact}
              onClick={() => reaction.mutate({ postId: post.id, kind, on: !mine })}
            >
              <span>{t(REACTION_LABELS[kind])}</span>
              {count > 0 && (
                <span className="reaction__count">
                  <span className="visually-hidden">, </span>
                  {count}
                </span>
              )}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
