import type { PostListItem } from '@kindred/contracts';
import { useEffect, useRef, useState } from 'react';
import { AppLink } from '../../../shared/ui/app-link';
import { ErrorState, LoadingState } from '../../../shared/ui/query-state';
import { usePosts } from '../hooks/use-thread';
import { focusPost } from '../lib/draft-keys';
import { PostItem } from './post-item';
import { useT } from '../../../shared/i18n/use-t';

type Row = { kind: 'post'; item: Extract<PostListItem, { kind: 'post' }> } | { kind: 'hidden'; id: string; count: number } | { kind: 'new-since' };

/**
 * Runs of hidden placeholders become one quiet line; they carry no content at all. The
 * "new since your last visit" divider follows the last post seen, when anything follows it.
 */
function toRows(items: PostListItem[], lastSeenId: string | null): Row[] {
  const rows: Row[] = [];
  items.forEach((item, index) => {
    const last = rows.at(-1);
    if (item.kind === 'hidden') {
      if (last?.kind === 'hidden') last.count += 1;
      else rows.push({ kind: 'hidden', id: item.id, count: 1 });
    } else {
      rows.push({ kind: 'post', item });
    }
    if (item.id === lastSeenId && index < items.length - 1) rows.push({ kind: 'new-since' });
  });
  return rows;
}

/** The post a `#post-…` link names, if any. */
function linkedPost(hash: string): string | null {
  return /^#post-([0-9a-f-]{36})$/i.exec(hash)?.[1] ?? null;
}

interface PostListProps {
  threadId: string;
  openingPostId: string;
  viewerId: string;
  /** The last post the reader saw on their previous visit (null: first visit). */
  lastReadPostId: string | null;
  canPost: boolean;
  /** The reply box is on the page: each post offers "Reply to this". */
  canReply?: boolean;
  /** Moderators of the room can label posts for the crisis detector. */
  canModerate?: boolean;
  onDeleted: (wasOpening: boolean) => void;
  onBlocked: (handle: string, authorId: string) => void;
}

export function PostList({ threadId, openingPostId, viewerId, lastReadPostId, canPost, canReply = false, canModerate = false, onDeleted, onBlocked }: PostListProps) {
  const t = useT();
  const posts = usePosts(threadId);
  // Kept from the visit's start: reading moves the server's marker, the divider stays put.
  const [lastSeenId] = useState(lastReadPostId);
  const dividerRef = useRef<HTMLParagraphElement>(null);
  const scrolled = useRef(false);
  // A link to one post (a mention notice): read once, as the page opens.
  const [linkedPostId] = useState(() => linkedPost(window.location.hash));
  const items = posts.data?.pages.flatMap((page) => page.items) ?? [];
  const seenLoaded = lastSeenId === null || items.some((item) => item.id === lastSeenId);
  const linkedLoaded = linkedPostId !== null && items.some((item) => item.id === linkedPostId);

  // Open at the linked post, or else at the first unread one: load on until it is on the page,
  // then bring it into view once (a linked post also gets focus, so a screen reader starts there).
  useEffect(() => {
    if (!posts.data || scrolled.current) return;
    const loadOn = linkedPostId !== null ? !linkedLoaded : !seenLoaded;
    if (loadOn && posts.hasNextPage) {
      if (!posts.isFetchingNextPage) void posts.fetchNextPage();
    } else if (linkedLoaded) {
      scrolled.current = true;
      focusPost(linkedPostId!);
    } else if (dividerRef.current) {
      scrolled.current = true;
      dividerRef.current.scrollIntoView({ block: 'start' });
    }
  }, [posts, seenLoaded, linkedPostId, linkedLoaded]);

  if (posts.isPending) return <LoadingState label={t('threads.posts.loading')} />;
  if (posts.isError) return <ErrorState error={posts.error} onRetry={() => void posts.refetch()} />;

  const rows = toRows(items, lastSeenId);

  return (
    <>
      <ol className="post-list">
        {rows.map((row) =>
          row.kind === 'new-since' ? (
            <li key="new-since" className="new-since">
              <p ref={dividerRef} className="new-since__label">
                {t('thread.newSince')}
              </p>
            </li>
          ) : row.kind === 'hidden' ? (
            <li key={`hidden-${row.id}`} className="hidden-note">
              {t('threads.posts.hidden', { count: row.count })} <AppLink to="/settings">{t('threads.changeWhatYouSee')}</AppLink>
            </li>
          ) : (
            <li key={row.item.id}>
              <PostItem
                post={row.item}
                isOpening={row.item.id === openingPostId}
                viewerId={viewerId}
                canPost={canPost}
                canReply={canReply}
                canModerate={canModerate}
                onDeleted={onDeleted}
                onBlocked={onBlocked}
              />
            </li>
          ),
        )}
      </ol>
      {posts.hasNextPage && (
        <button
          type="button"
          className="button"
          onClick={() => void posts.fetchNextPage()}
          disabled={posts.isFetchingNextPage}
        >
          {t(posts.isFetchingNextPage ? 'threads.loading' : 'threads.posts.more')}
        </button>
      )}
    </>
  );
}
