import type { ThreadDetail } from '@kindred/contracts';
import { useId } from 'react';
import { useErrorText } from '../../../shared/i18n/error-text';
import { useT } from '../../../shared/i18n/use-t';
import { useThreadChoice } from '../hooks/use-thread';

/**
 * The member's own choices for one thread: follow it (a quiet notice when someone replies) or
 * mute it (out of unread counts and notices, its words still here to read). Each is one toggle
 * whose pressed state says whether it is on, with a line saying what that means.
 */
export function ThreadChoices({ thread }: { thread: ThreadDetail }) {
  const t = useT();
  const errorText = useErrorText();
  const id = useId();
  const follow = useThreadChoice(thread.id, 'follow');
  const mute = useThreadChoice(thread.id, 'mute');
  const failed = follow.error ?? mute.error;
  // A mute wins over following (no notices either way), so it is what the line describes.
  const hint = thread.muted ? 'threads.choices.muted' : thread.followed ? 'threads.choices.following' : 'threads.choices.notFollowing';

  return (
    <div className="thread-choices">
      <div className="thread-choices__buttons">
        <Toggle on={thread.followed} label={t('threads.choices.follow')} hintId={`${id}-hint`} choice={follow} />
        <Toggle on={thread.muted} label={t('threads.choices.mute')} hintId={`${id}-hint`} choice={mute} quiet />
      </div>
      <p id={`${id}-hint`} className="field__hint" role="status">
        {t(hint)}
      </p>
      {failed && (
        <p className="field__error" role="alert">
          {errorText(failed)}
        </p>
      )}
    </div>
  );
}

/** One label whose pressed state says whether the choice is on, as screen readers expect of a toggle. */
function Toggle({ on, label, hintId, choice, quiet = false }: { on: boolean; label: string; hintId: string; choice: ReturnType<typeof useThreadChoice>; quiet?: boolean }) {
  return (
    <button type="button" className={`button button--small${quiet ? ' button--quiet' : ''}`} aria-pressed={on} aria-describedby={hintId} disabled={choice.isPending} onClick={() => choice.mutate(!on)}>
      {label}
    </button>
  );
}
