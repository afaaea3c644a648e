import type { PostView } from '@kindred/contracts';
import { REACTION_KINDS, REACTION_LABELS } from '@kindred/contracts';
import { useReaction } from '../hooks/use-thread';

interface ReactionBarProps {
  post: PostView;
  /** Members can react; others see the counts only. */
  canReact: boolean;
}

/** Supportive reactions only: no downvotes, no scores. */
export function ReactionBar({ post, canReact }: ReactionBarProps) {
  const reaction = useReaction(post.threadId);

  return (
    <ul className="reactions" aria-label="Reactions">
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
              <span>{REACTION_LABELS[kind]}</span>
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
