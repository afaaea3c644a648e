import { useT } from '../../../shared/i18n/use-t';
import { focusPost, postElementId, type ReplyTarget } from '../lib/draft-keys';

/** Above the reply box: which post this reply answers, a way back to it, and a way to answer the thread instead. */
export function ReplyTargetNote({ target, onClear }: { target: ReplyTarget; onClear: () => void }) {
  const t = useT();
  return (
    <p className="reply-target" id="reply-target">
      <a
        href={`#${postElementId(target.postId)}`}
        onClick={(event) => {
          event.preventDefault();
          focusPost(target.postId);
        }}
      >
        {target.handle ? t('threads.reply.replyingTo', { handle: target.handle }) : t('threads.reply.replyingToPost')}
      </a>{' '}
      <button type="button" className="button button--small button--quiet" onClick={onClear}>
        {t('threads.reply.notToPost')}
      </button>
    </p>
  );
}
