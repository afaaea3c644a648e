import type { ReplyToView } from '@kindred/contracts';
import { useAuthorName } from '../../../shared/i18n/author-name';
import { useT } from '../../../shared/i18n/use-t';
import { focusPost, postElementId } from '../lib/draft-keys';

/**
 * "In reply to @handle" with a short quote, exactly as the server rendered it for this reader:
 * folded by their own choices it names only the author; unavailable it says only that.
 */
export function ReplyToQuote({ replyTo }: { replyTo: ReplyToView }) {
  const t = useT();
  const authorName = useAuthorName();
  if (replyTo.state === 'unavailable') return <p className="reply-to muted">{t('threads.replyTo.unavailable')}</p>;
  const handle = authorName(replyTo.author);
  return (
    <div className="reply-to">
      <p className="reply-to__link">
        <a
          href={`#${postElementId(replyTo.postId)}`}
          onClick={(event) => {
            event.preventDefault();
            focusPost(replyTo.postId);
          }}
        >
          {t('threads.replyTo.link', { handle })}
        </a>
      </p>
      {replyTo.state === 'shown' ? <blockquote className="reply-to__excerpt">{replyTo.excerpt}</blockquote> : <p className="reply-to__folded muted">{t('threads.replyTo.folded')}</p>}
    </div>
  );
}
