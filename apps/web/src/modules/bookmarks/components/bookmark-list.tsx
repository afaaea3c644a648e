import type { BookmarkView } from '@kindred/contracts';
import { BOOKMARK_NOTE_MAX_LENGTH } from '@kindred/contracts';
import { useId, useState } from 'react';
import { useErrorText } from '../../../shared/i18n/error-text';
import { T } from '../../../shared/i18n/t';
import { useT } from '../../../shared/i18n/use-t';
import { ErrorState, LoadingState } from '../../../shared/ui/query-state';
import { TimeAgo } from '../../../shared/ui/time-ago';
import { PostInPlace } from '../../search/components/search-result-item';
import { useBookmarks, useRemoveBookmark, useSaveBookmark } from '../hooks/use-bookmarks';
import './bookmarks.css';

export function BookmarkList({ viewerId }: { viewerId: string | undefined }) {
  const t = useT();
  const bookmarks = useBookmarks();
  if (bookmarks.isPending) return <LoadingState label={t('bookmarks.loading')} />;
  if (bookmarks.isError) return <ErrorState error={bookmarks.error} onRetry={() => void bookmarks.refetch()} />;
  const items = bookmarks.data.pages.flatMap((p) => p.items);
  if (items.length === 0) return <p className="empty-state">{t('bookmarks.empty')}</p>;
  return (
    <>
      <ul className="bookmark-list card-list">
        {items.map((b) => (
          <BookmarkItem key={b.postId} bookmark={b} viewerId={viewerId} />
        ))}
      </ul>
      {bookmarks.hasNextPage && (
        <button type="button" className="button" onClick={() => void bookmarks.fetchNextPage()} disabled={bookmarks.isFetchingNextPage}>
          {t('bookmarks.more')}
        </button>
      )}
    </>
  );
}

function BookmarkItem({ bookmark: b, viewerId }: { bookmark: BookmarkView; viewerId: string | undefined }) {
  const t = useT();
  const errorText = useErrorText();
  const remove = useRemoveBookmark();
  const [editing, setEditing] = useState(false);
  return (
    <li className="bookmark card-list__item">
      {b.saved ? (
        <PostInPlace result={b.saved} viewerId={viewerId} titleLevel={2} />
      ) : (
        // Removed, hidden, held, or out of reach now: nothing of its words is sent or shown.
        <p className="muted">{t('bookmarks.unavailable')}</p>
      )}
      {editing ? (
        <NoteForm bookmark={b} onDone={() => setEditing(false)} />
      ) : (
        b.note && (
          <p className="bookmark__note">
            <span className="visually-hidden">{t('bookmarks.note.label')}: </span>
            {b.note}
          </p>
        )
      )}
      <p className="muted search-result__meta">
        <T id="bookmarks.savedAt" components={{ time: <TimeAgo iso={b.savedAt} /> }} />
      </p>
      {!editing && (
        <div className="button-row button-row--tight bookmark__actions">
          <button type="button" className="button button--small button--quiet" onClick={() => setEditing(true)}>
            {t(b.note ? 'bookmarks.note.edit' : 'bookmarks.note.add')}
          </button>
          <button type="button" className="button button--small button--quiet" onClick={() => remove.mutate(b.postId)} disabled={remove.isPending}>
            {t('bookmarks.remove')}
          </button>
        </div>
      )}
      {remove.isError && (
        <p className="field__error" role="alert">
          {errorText(remove.error)}
        </p>
      )}
    </li>
  );
}

function NoteForm({ bookmark: b, onDone }: { bookmark: BookmarkView; onDone: () => void }) {
  const t = useT();
  const errorText = useErrorText();
  const save = useSaveBookmark();
  const [note, setNote] = useState(b.note ?? '');
  const id = useId();
  return (
    <form
      className="field"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate({ postId: b.postId, note: note.trim() || null }, { onSuccess: onDone });
      }}
    >
      <label htmlFor={id} className="field__label">
        {t('bookmarks.note.label')}
      </label>
      <p id={`${id}-hint`} className="field__hint">
        {t('bookmarks.note.hint')}
      </p>
      <textarea id={id} className="field__input field__input--multiline" rows={3} maxLength={BOOKMARK_NOTE_MAX_LENGTH} value={note} aria-describedby={`${id}-hint`} onChange={(event) => setNote(event.target.value)} />
      {save.isError && (
        <p className="field__error" role="alert">
          {errorText(save.error)}
        </p>
      )}
      <div className="button-row button-row--tight">
        <button type="submit" className="button button--small button--primary" disabled={save.isPending}>
          {t('bookmarks.note.save')}
        </button>
        <button type="button" className="button button--small" onClick={onDone}>
          {t('bookmarks.note.cancel')}
        </button>
      </div>
    </form>
  );
}
