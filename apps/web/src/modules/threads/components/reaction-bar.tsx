import type { PostView } from '@kindred/contracts';
import { REACTION_KINDS, type ReactionKind } from '@kindred/contracts';
import { useReaction } from '../hooks/use-thread';
import { useT } from '../../../shared/i18n/use-t';
import { REACTION_LABELS } from '../lib/reaction-labels';
import './reactions.css';

interface ReactionBarProps {
  post: PostView;
  /** Members can react; others see the counts only. */
  canReact: boolean;
}


/** Supportive reactions only: no downvotes, no scores. */
export function ReactionBar({ post, canReact }: ReactionBarProps) {
  const reaction = useReaction(post.threadId);
  return (
    <ReactionButtons
      counts={post.reactions}
      mine={post.myReactions}
      canReact={canReact}
      onToggle={(kind, on) => reaction.mutate({ postId: post.id, kind, on })}
    />
  );
}

interface ReactionButtonsProps {
  counts: Partial<Record<ReactionKind, number>>;
  mine: readonly ReactionKind[];
  canReact: boolean;
  onToggle: (kind: ReactionKind, on: boolean) => void;
}

/** The four supportive reactions as toggle buttons, each with its count (shared by posts and conversation messages). */
export function ReactionButtons({ counts, mine, canReact, onToggle }: ReactionButtonsProps) {
  const t = useT();
  return (
    <ul className="reactions" aria-label={t('threads.reactions')}>
      {REACTION_KINDS.map((kind) => {
        const given = mine.includes(kind);
        const count = counts[kind] ?? 0;
        return (
          <li key={kind}>
            <button type="button" className="reaction" aria-pressed={given} disabled={!canReact} onClick={() => onToggle(kind, !given)}>
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
