import type { JoinOutcome, RoomDetail, ThreadDetail } from '@kindred/contracts';
import { JoinPolicy, Role, RoomVisibility } from '@kindred/contracts';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { useSession } from '../modules/auth/hooks/use-session';
import { LiveChatPanel } from '../modules/chat/components/live-chat-panel';
import { JoinRoomPanel } from '../modules/rooms/components/join-room-panel';
import { RoomHeader } from '../modules/rooms/components/room-header';
import { RoomUnavailable } from '../modules/rooms/components/room-unavailable';
import { useRoom } from '../modules/rooms/hooks/use-rooms';
import { newThreadDraftKey } from '../modules/threads/lib/draft-keys';
import { MarkRoomReadButton } from '../modules/threads/components/mark-room-read-button';
import { ThreadList } from '../modules/threads/components/thread-list';
import { showCrisisSupport } from '../modules/safety/lib/crisis-support';
import { useWarningOffer } from '../modules/threads/hooks/use-warning-offer';
import { hasDraftText, useHasDraftText } from '../shared/lib/drafts';
import { useDocumentTitle } from '../shared/lib/use-document-title';
import { useAppNavigate } from '../shared/lib/navigation';
import { useMediaQuery } from '../shared/lib/use-media-query';
import { useRouteNotice } from '../shared/lib/route-notice';
import { AppLink } from '../shared/ui/app-link';
import { LoadingState } from '../shared/ui/query-state';
import { StatusMessage } from '../shared/ui/status-message';
import { TabList, tabPanelProps } from '../shared/ui/tab-list';
import { useT } from '../shared/i18n/use-t';

// The composer stays closed on most visits: it loads after the first paint, hidden meanwhile.
const NewThreadForm = lazy(() => import('../modules/threads/components/new-thread-form').then((m) => ({ default: m.NewThreadForm })));

/** Below this width threads and chat do not fit side by side (see .room-layout in rooms.css). */
const ONE_COLUMN = '(max-width: 61.99rem)';
type RoomTab = 'threads' | 'chat';
export function RoomPage() {
  const t = useT();
  useDocumentTitle(t('room.documentTitle'));
  const roomTabs = [
    { name: 'threads' as const, label: t('room.threads') },
    { name: 'chat' as const, label: t('room.liveChat') },
  ];
  const { slug } = useParams();
  const room = useRoom(slug);
  const oneColumn = useMediaQuery(ONE_COLUMN);
  const [tab, setTab] = useState<RoomTab>('threads');
  const chatPanelRef = useRef<HTMLDivElement>(null);

  // Nothing scrolls while a panel is hidden, so the chat log could not follow new messages
  // meanwhile: showing the tab starts at the newest message, as the desktop layout does.
  useEffect(() => {
    if (tab !== 'chat') return;
    const log = chatPanelRef.current?.querySelector<HTMLElement>('[role="log"]');
    if (log) log.scrollTop = log.scrollHeight;
  }, [tab]);

  if (room.isPending) {
    return (
      <div className="page page--wide room-page">
        <LoadingState label={t('room.loading')} />
      </div>
    );
  }
  if (room.isError) return <RoomUnavailable error={room.error} onRetry={() => void room.refetch()} />;

  const r = room.data;
  // On one column the two parts of the room are tabs, so the chat is one tap away instead
  // of below every thread. Both stay mounted: the chat keeps its place and connection.
  const panel = (name: RoomTab) => (oneColumn ? tabPanelProps('room', name, tab) : {});

  return (
    <div className="page page--wide room-page">
      <p className="back-link">
        <AppLink to="/">{t('room.backToAllRooms')}</AppLink>
      </p>
      <RoomHeader room={r} />
      <RouteNotice />
      {oneColumn && <TabList label={t('room.tabsLabel')} idPrefix="room" tabs={roomTabs} selected={tab} onSelect={setTab} className="room-tabs" />}
      <div className="room-layout">
        <div className="room-layout__main" {...panel('threads')}>
          <RoomThreads key={r.id} room={r} />
        </div>
        <div ref={chatPanelRef} className="room-layout__aside" {...panel('chat')}>
          <RoomChat room={r} />
        </div>
      </div>
    </div>
  );
}

function canReadRoom(r: RoomDetail): boolean {
  return r.viewer.isMember || r.viewer.canModerate || (r.visibility === RoomVisibility.Listed && r.joinPolicy === JoinPolicy.Open);
}

function useCanPost(r: RoomDetail): boolean {
  const { user } = useSession();
  return r.viewer.isMember || user?.role === Role.Admin;
}

function RouteNotice() {
  const notice = useRouteNotice();
  return notice ? <StatusMessage tone="success">{notice}</StatusMessage> : null;
}

function RoomChat({ room: r }: { room: RoomDetail }) {
  return <LiveChatPanel room={r} canRead={canReadRoom(r)} canPost={useCanPost(r)} />;
}

function RoomThreads({ room: r }: { room: RoomDetail }) {
  const t = useT();
  const navigate = useAppNavigate();
  const warningOffer = useWarningOffer();
  const canRead = canReadRoom(r);
  const canPost = useCanPost(r);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  // Open again if there is an unsent thread from earlier (Back from another page).
  const [composerOpen, setComposerOpen] = useState(() => hasDraftText(newThreadDraftKey(r.id)));
  const startButtonRef = useRef<HTMLButtonElement>(null);
  const composerWasOpen = useRef(composerOpen);
  // A draft saved on the server (another device, a reload) waits behind this button.
  const hasDraft = useHasDraftText(newThreadDraftKey(r.id));

  // Closing the composer returns focus to the button that opened it.
  useEffect(() => {
    if (composerWasOpen.current && !composerOpen) startButtonRef.current?.focus();
    composerWasOpen.current = composerOpen;
  }, [composerOpen]);

  function onJoined(outcome: JoinOutcome) {
    setNotice(
      outcome === 'requested'
        ? t('room.joinRequested')
        : t('room.joined', { room: r.name }),
    );
  }

  function onCreated(thread: ThreadDetail) {
    setComposerOpen(false);
    showCrisisSupport(thread.support, 'page', warningOffer({ ...thread.firstPost, supportWarning: thread.supportWarning }, thread.id, thread.roomId));
    navigate(`/threads/${thread.id}`, {
      state: { notice: thread.status === 'pending' ? undefined : t('room.threadPosted') },
    });
  }

  return (
    <>
      {notice && <StatusMessage tone="success">{notice}</StatusMessage>}
      {!r.viewer.isMember && (
        <section aria-labelledby="join-heading" className="panel">
          <h2 id="join-heading">{t('room.joinTitle')}</h2>
          <JoinRoomPanel room={r} onDone={onJoined} />
        </section>
      )}
      {canRead && (
        <section aria-labelledby="threads-heading">
          <div className="section-head">
            <h2 id="threads-heading">{t('room.threads')}</h2>
            <div className="button-row">
              {r.viewer.isMember && <MarkRoomReadButton roomId={r.id} onDone={setNotice} />}
              {canPost && !composerOpen && (
                <button
                  ref={startButtonRef}
                  type="button"
                  className="button button--primary"
                  aria-expanded={composerOpen}
                  aria-controls="new-thread"
                  onClick={() => setComposerOpen(true)}
                >
                  {t(hasDraft ? 'room.continueThreadDraft' : 'room.startThread')}
                </button>
              )}
            </div>
          </div>
          {canPost && (
            <div id="new-thread" hidden={!composerOpen} className="panel">
              <h3>{t('room.startThread')}</h3>
              <Suspense fallback={<LoadingState label={t('common.loading')} />}>
                <NewThreadForm room={r} active={composerOpen} onCreated={onCreated} onCancel={() => setComposerOpen(false)} />
              </Suspense>
            </div>
          )}
          <ThreadList roomId={r.id} canPost={canPost} />
        </section>
      )}
      {!canRead && !r.viewer.isMember && <p className="muted">{t('room.membersOnly')}</p>}
    </>
  );
}

