import type { RoomDetail } from '@kindred/contracts';
import { lazy, Suspense } from 'react';
import { PauseButton } from '../../safety/components/pause-button';
import { useT } from '../../../shared/i18n/use-t';
import { ChatBodyPlaceholder } from './chat-placeholders';
import './chat.css';

// The live part (socket store, message list, composer, dialogs) loads after the room page's
// first paint; its placeholder keeps the same space, so nothing moves when it arrives.
const ChatBody = lazy(() => import('./chat-body').then((m) => ({ default: m.ChatBody })));

interface LiveChatPanelProps {
  room: RoomDetail;
  canRead: boolean;
  canPost: boolean;
}

export function LiveChatPanel({ room, canRead, canPost }: LiveChatPanelProps) {
  const t = useT();
  return (
    <section className="chat" aria-labelledby="live-chat-heading">
      <div className="chat__head">
        <h2 id="live-chat-heading">{t('chat.heading')}</h2>
        <PauseButton context={t('chat.pauseContext')} />
      </div>
      {canRead ? (
        <Suspense fallback={<ChatBodyPlaceholder canPost={canPost} />}>
          <ChatBody room={room} canPost={canPost} />
        </Suspense>
      ) : (
        <p className="muted">{t('chat.membersOnly')}</p>
      )}
    </section>
  );
}
