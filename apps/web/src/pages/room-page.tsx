import type { JoinOutcome, ThreadDetail } from '@kindred/contracts';
import { JoinPolicy, Role, RoomVisibility } from '@kindred/contracts';
import { useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { useSession } from '../modules/auth/hooks/use-session';
import { LiveChatPanel } from '../modules/chat/components/live-chat-panel';
import { JoinRoomPanel } from '../modules/rooms/components/join-room-panel';
import { RoomHeader } from '../modules/rooms/components/room-header';
import { useRoom } from '../modules/rooms/hooks/use-rooms';
import { NewThreadForm } from '../modules/threads/components/new-thread-form';
import { ThreadList } from '../modules/threads/components/thread-list';
import { showCrisisSupport } from '../modules/safety/lib/crisis-support';
import { useDocumentTitle } from '../shared/lib/use-document-title';
import { useAppNavigate } from '../shared/lib/navigation';
import { useRouteNotice } from '../shared/lib/route-notice';
import { AppLink } from '../shared/ui/app-link';
import { ErrorState, LoadingState } from '../shared/ui/query-state';
import { StatusMessage } from '../shared/ui/status-message';

export function RoomPage() {
  useDocumentTitle('Room');
  const { slug } = useParams();
  const room = useRoom(slug);
  const { user } = useSession();
  const navigate = useAppNavigate();
  const routeNotice = useRouteNotice();
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const [composerOpen, setComposerOpen] = useState(false);
  const startButtonRef = useRef<HTMLButtonElement>(null);
  const composerWasOpen = useRef(false);

  // Closing the composer returns focus to the button that opened it.
  useEffect(() => {
    if (composerWasOpen.current && !composerOpen) startButtonRef.current?.focus();
    composerWasOpen.current = composerOpen;
  }, [composerOpen]);

  if (room.isPending) return <LoadingState label="Loading the room…" />;
  if (room.isError) {
    return (
      <>
        <h1>Room</h1>
        <ErrorState error={room.error} onRetry={() => void room.refetch()} />
        <p>
          <AppLink to="/">Back to all rooms</AppLink>
        </p>
      </>
    );
  }

  const r = room.data;
  const canRead =
    r.viewer.isMember || r.viewer.canModerate || (r.visibility === RoomVisibility.Listed && r.joinPolicy === JoinPolicy.Open);
  const canPost = r.viewer.isMember || user?.role === Role.Admin;

  function onJoined(outcome: JoinOutcome) {
    setNotice(
      outcome === 'requested'
        ? 'Your request was sent. A moderator will look at it; you can read and post here once it is approved.'
        : `Welcome to ${r.name}. Take your time.`,
    );
  }

  function onCreated(thread: ThreadDetail) {
    setComposerOpen(false);
    showCrisisSupport(thread.support, 'page');
    navigate(`/threads/${thread.id}`, {
      state: { notice: thread.status === 'pending' ? undefined : 'Your thread is posted. Thank you for sharing.' },
    });
  }

  return (
    <div className="page page--wide">
      <p className="back-link">
        <AppLink to="/">← All rooms</AppLink>
      </p>
      <RoomHeader room={r} />
      {(notice ?? routeNotice) && <StatusMessage tone="success">{notice ?? routeNotice}</StatusMessage>}
      <div className="room-layout">
        <div className="room-layout__main">
          {!r.viewer.isMember && (
            <section aria-labelledby="join-heading" className="panel">
              <h2 id="join-heading">Join this room</h2>
              <JoinRoomPanel room={r} onDone={onJoined} />
            </section>
          )}
          {canRead && (
            <section aria-labelledby="threads-heading">
              <div className="section-head">
                <h2 id="threads-heading">Threads</h2>
                {canPost && !composerOpen && (
                  <button
                    ref={startButtonRef}
                    type="button"
                    className="button button--primary"
                    aria-expanded={composerOpen}
                    aria-controls="new-thread"
                    onClick={() => setComposerOpen(true)}
                  >
                    Start a thread
                  </button>
                )}
              </div>
              {canPost && (
                <div id="new-thread" hidden={!composerOpen} className="panel">
                  <h3>Start a thread</h3>
                  <NewThreadForm room={r} active={composerOpen} onCreated={onCreated} onCancel={() => setComposerOpen(false)} />
                </div>
              )}
              <ThreadList roomId={r.id} canPost={canPost} />
            </section>
          )}
          {!canRead && !r.viewer.isMember && (
            <p className="muted">Threads in this room are for its members.</p>
          )}
        </div>
        <div className="room-layout__aside">
          <LiveChatPanel room={r} canRead={canRead} canPost={canPost} />
        </div>
      </div>
    </div>
  );
}
