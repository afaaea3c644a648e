import { Role } from '@kindred/contracts';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useSession } from '../modules/auth/hooks/use-session';
import { useRevealed } from '../modules/content-warnings/hooks/use-revealed';
import { presentationFor } from '../modules/content-warnings/lib/presentation';
import { useRoom } from '../modules/rooms/hooks/use-rooms';
import { PostList } from '../modules/threads/components/post-list';
import { ThreadChoices } from '../modules/threads/components/thread-choices';
import { ReplyForm } from '../modules/threads/components/reply-form';
import { CrisisSupportPanel } from '../modules/safety/components/crisis-support-panel';
import { ThreadHeader } from '../modules/threads/components/thread-header';
import { ThreadUnavailable } from '../modules/threads/components/thread-unavailable';
import { useThread } from '../modules/threads/hooks/use-thread';
import { threadRevealId } from '../modules/threads/lib/reveal-keys';
import { useAppNavigate } from '../shared/lib/navigation';
import { useRouteNotice } from '../shared/lib/route-notice';
import { useDocumentTitle } from '../shared/lib/use-document-title';
import { AppLink } from '../shared/ui/app-link';
import { LoadingState } from '../shared/ui/query-state';
import { StatusMessage } from '../shared/ui/status-message';
import { useT } from '../shared/i18n/use-t';
import { T } from '../shared/i18n/t';

export function ThreadPage() {
  const translate = useT();
  useDocumentTitle(translate('thread.documentTitle'));
  const { threadId = '' } = useParams();
  const thread = useThread(threadId);
  const room = useRoom(thread.data?.roomId);
  const { user } = useSession();
  const navigate = useAppNavigate();
  const routeNotice = useRouteNotice();
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const [revealed] = useRevealed(threadRevealId(threadId));

  if (thread.isPending) return <LoadingState label={translate('thread.loading')} />;
  if (thread.isError) return <ThreadUnavailable error={thread.error} onRetry={() => void thread.refetch()} />;

  const t = thread.data;
  const r = room.data;
  const roomPath = r ? `/rooms/${r.slug}` : '/';
  const canPost = !!r && (r.viewer.isMember || user?.role === Role.Admin);
  const canReply = canPost && (!t.locked || !!r?.viewer.canModerate);
  // Under a warning the member asked for, the whole thread stays folded until opened.
  const folded = presentationFor(t, user?.id) === 'warn' && !revealed;

  function onDeleted(wasOpening: boolean) {
    // The thread is gone, so it takes this page's place in history.
    if (wasOpening) navigate(roomPath, { replace: true, state: { notice: translate('thread.threadDeleted') } });
    else setNotice(translate('thread.postDeleted'));
  }

  function onBlocked(handle: string, authorId: string) {
    const message = translate('thread.blocked', { handle });
    // Blocking the thread's author hides the whole thread, so go back to the room.
    if (authorId === t.author.id) navigate(roomPath, { replace: true, state: { notice: message } });
    else setNotice(message);
  }

  return (
    <div className="page">
      <p className="back-link">
        <AppLink to={roomPath}>{r ? translate('thread.backToRoom', { room: r.name }) : translate('room.backToAllRooms')}</AppLink>
      </p>
      <ThreadHeader thread={t} viewerId={user?.id} />
      {/* Follow and mute are members' choices about a room they are in. */}
      {user && r?.viewer.isMember && <ThreadChoices thread={t} />}
      {(notice ?? routeNotice) && <StatusMessage tone="success">{notice ?? routeNotice}</StatusMessage>}
      {/* After a new thread or an edit: in the page's column, under what was just posted. */}
      <CrisisSupportPanel source="page" />
      {!folded && user && (
        <section aria-label={translate('thread.posts')}>
          <PostList
            threadId={t.id}
            openingPostId={t.firstPost.id}
            viewerId={user.id}
            lastReadPostId={t.lastRead?.postId ?? null}
            canPost={canPost}
            canReply={canReply}
            canModerate={!!r?.viewer.canModerate}
            onDeleted={onDeleted}
            onBlocked={onBlocked}
          />
        </section>
      )}
      {!folded && canReply && <ReplyForm threadId={t.id} />}
      {!folded && canPost && !canReply && <p className="notice">{translate('error.threadLocked')}</p>}
      {!folded && r && !canPost && (
        <p className="notice">
          <T id="thread.joinToReply" values={{ room: r.name }} components={{ link: <AppLink to={roomPath} /> }} />
        </p>
      )}
    </div>
  );
}
