import { useSession } from '../modules/auth/hooks/use-session';
import { BookmarkList } from '../modules/bookmarks/components/bookmark-list';
import { useDocumentTitle } from '../shared/lib/use-document-title';
import { useT } from '../shared/i18n/use-t';

export function BookmarksPage() {
  const t = useT();
  const { user } = useSession();
  useDocumentTitle(t('bookmarks.title'));
  return (
    <div className="page">
      <h1>{t('bookmarks.title')}</h1>
      <p className="lead">{t('bookmarks.lead')}</p>
      <BookmarkList viewerId={user?.id} />
    </div>
  );
}
