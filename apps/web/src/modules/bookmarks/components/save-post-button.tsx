import { useErrorText } from '../../../shared/i18n/error-text';
import { T } from '../../../shared/i18n/t';
import { useT } from '../../../shared/i18n/use-t';
import { AppLink } from '../../../shared/ui/app-link';
import { useSaveBookmark } from '../hooks/use-bookmarks';

/** Keeps a post to read again; the list (and any note) lives on the private "Saved" page. */
export function SavePostButton({ postId, what }: { postId: string; what: string }) {
  const t = useT();
  const errorText = useErrorText();
  const save = useSaveBookmark();
  return (
    <>
      <button type="button" className="button button--small button--quiet" onClick={() => save.mutate({ postId })} disabled={save.isPending || save.isSuccess}>
        {save.isSuccess ? t('bookmarks.save.done') : <T id="bookmarks.save.button" values={{ what }} components={{ hidden: <span className="visually-hidden" /> }} />}
      </button>
      <span role="status" className="post__action-status">
        {save.isSuccess && (
          <AppLink to="/saved" className="muted">
            {t('bookmarks.save.open')}
          </AppLink>
        )}
        {save.isError && <span className="field__error">{errorText(save.error)}</span>}
      </span>
    </>
  );
}
