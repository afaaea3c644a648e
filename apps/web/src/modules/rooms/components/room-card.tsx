import type { JoinOutcome, RoomSummary } from '@kindred/contracts';
import { ROOM_UNREAD_COUNT_CAP, RoomVisibility } from '@kindred/contracts';
import { useEffect, useId, useRef, useState } from 'react';
import { useT } from '../../../shared/i18n/use-t';
import { useAppNavigate } from '../../../shared/lib/navigation';
import { AppLink } from '../../../shared/ui/app-link';
import { ErrorState, LoadingState } from '../../../shared/ui/query-state';
import { useRoom } from '../hooks/use-rooms';
import { JOIN_ACTION_LABELS, JOIN_POLICY_LABELS } from '../lib/join-policy';
import { JoinRoomPanel } from './join-room-panel';

interface RoomCardProps {
  room: RoomSummary;
  signedIn: boolean;
}

export function RoomCard({ room, signedIn }: RoomCardProps) {
  const t = useT();
  const id = useId();
  const navigate = useAppNavigate();
  const [open, setOpen] = useState(false);
  const [requested, setRequested] = useState(false);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const isMember = room.viewer?.isMember ?? false;
  const pending = room.viewer?.joinRequestPending ?? false;
  // The guidelines (and the rest of the detail) load only when someone opens the join panel.
  const detail = useRoom(room.slug, { enabled: open });

  useEffect(() => {
    if (requested) noticeRef.current?.focus();
  }, [requested]);

  function onDone(outcome: JoinOutcome) {
    setOpen(false);
    if (outcome === 'requested') setRequested(true);
    else navigate(`/rooms/${room.slug}`, { state: { notice: t('rooms.welcome', { name: room.name }) } });
  }

  return (
    <li className="room-card">
      <h3 className="room-card__name">
        <AppLink to={`/rooms/${room.slug}`}>{room.name}</AppLink>
      </h3>
      {room.description && <p className="room-card__description">{room.description}</p>}
      <ul className="room-card__meta" aria-label={t('rooms.about')}>
        {isMember ? (
          <li className="badge badge--member">{t('rooms.member')}</li>
        ) : (
          <li className="badge">{JOIN_POLICY_LABELS[room.joinPolicy] ? t(JOIN_POLICY_LABELS[room.joinPolicy]) : room.joinPolicy}</li>
        )}
        {room.visibility === RoomVisibility.Hidden && <li className="badge">{t('rooms.unlisted')}</li>}
        {(pending || requested) && <li className="badge">{t('rooms.requestWaiting')}</li>}
        {/* Counts stop at the cap: "20+" says "a lot" without the server counting every post. */}
        {!!room.unread?.newThreads && (
          <li className="badge badge--new">
            {room.unread.newThreads >= ROOM_UNREAD_COUNT_CAP ? t('rooms.newThreadsMany', { count: ROOM_UNREAD_COUNT_CAP - 1 }) : t('rooms.newThreads', { count: room.unread.newThreads })}
          </li>
        )}
        {!!room.unread?.unreadPosts && (
          <li className="badge badge--new">
            {room.unread.unreadPosts >= ROOM_UNREAD_COUNT_CAP ? t('rooms.unreadPostsMany', { count: ROOM_UNREAD_COUNT_CAP - 1 }) : t('rooms.unreadPosts', { count: room.unread.unreadPosts })}
          </li>
        )}
      </ul>
      {requested && (
        <p ref={noticeRef} tabIndex={-1} className="notice" role="status">
          {t('rooms.requestSent')}
        </p>
      )}
      {!signedIn && <p className="muted room-card__hint">{t('rooms.signInToJoin')}</p>}
      {signedIn && !isMember && !pending && !requested && (
        <>
          <button
            type="button"
            className="button button--small"
            aria-expanded={open}
            aria-controls={`${id}-join`}
            onClick={() => setOpen((o) => !o)}
          >
            {t(open ? 'rooms.joinAction.close' : JOIN_ACTION_LABELS[room.joinPolicy])}
            <span className="visually-hidden"> {room.name}</span>
          </button>
          <div id={`${id}-join`} hidden={!open}>
            {open &&
              (detail.isPending ? (
                <LoadingState label={t('rooms.guidelines.loading')} />
              ) : detail.isError ? (
                <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />
              ) : (
                <JoinRoomPanel room={detail.data} onDone={onDone} />
              ))}
          </div>
        </>
      )}
    </li>
  );
}
