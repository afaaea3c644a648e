import type { ChatMessageView, RoomDetail } from '@kindred/contracts';
import { useState } from 'react';
import { useSession } from '../../auth/hooks/use-session';
import { useWarningPreferences } from '../../content-warnings/hooks/use-warning-preferences';
import { LazyReasonDialog } from '../../moderator-reasons/components/lazy-reason-dialog';
import { MUTE_DURATIONS } from '../../moderator-reasons/lib/reasons';
import { LazyReportDialog } from '../../reports/components/lazy-report-dialog';
import { BlockMemberDialog } from '../../safety/components/block-member-dialog';
import { CrisisSupportPanel } from '../../safety/components/crisis-support-panel';
import { PauseButton } from '../../safety/components/pause-button';
import { ConfirmDialog } from '../../../shared/ui/confirm-dialog';
import { useConnectionStatus } from '../../../shared/realtime/use-realtime';
import { useRoomChat } from '../hooks/use-room-chat';
import { describeSeconds, refusalText, typingText, untilText } from '../lib/describe';
import type { RoomChatSnapshot } from '../lib/room-chat-store';
import { ChatComposer } from './chat-composer';
import type { MessageAction } from './chat-message-item';
import { ChatMessageList } from './chat-message-list';
import { ChatModeratorControls } from './chat-moderator-controls';
import './chat.css';

interface LiveChatPanelProps {
  room: RoomDetail;
  canRead: boolean;
  canPost: boolean;
}

type OpenDialog = { action: MessageAction; message: ChatMessageView } | null;

export function LiveChatPanel({ room, canRead, canPost }: LiveChatPanelProps) {
  return (
    <section className="chat" aria-labelledby="live-chat-heading">
      <div className="chat__head">
        <h2 id="live-chat-heading">Live chat</h2>
        <PauseButton context="from the chat" />
      </div>
      {canRead ? (
        <ChatBody room={room} canPost={canPost} />
      ) : (
        <p className="muted">The live chat in this room is for its members.</p>
      )}
    </section>
  );
}

function ChatBody({ room, canPost }: { room: RoomDetail; canPost: boolean }) {
  const { user } = useSession();
  const { store, snapshot, connection } = useRoomChat(room.id, user?.id, true);
  const status = useConnectionStatus(connection);
  const preferences = useWarningPreferences(!!user);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [notice, setNotice] = useState('');
  const canModerate = room.viewer.canModerate;

  if (!user || !store || !snapshot) return <ChatBodyPlaceholder canPost={canPost} />;
  const state = snapshot.state;
  const locked = !!state?.locked && !canModerate;
  const close = () => setDialog(null);

  async function onEdit(message: ChatMessageView, body: string) {
    const error = await store!.edit(message.id, body);
    return error ? refusalText(error) : null;
  }

  return (
    <>
      <ConnectionBanner status={status} snapshot={snapshot} />
      {snapshot.phase === 'refused' && <p className="notice notice--error">{snapshot.problem}</p>}
      {snapshot.phase === 'ready' && <Presence snapshot={snapshot} />}
      {state?.pinnedNotice && (
        <div className="chat-pinned">
          <p className="chat-pinned__label">Pinned by the moderators</p>
          <p className="chat-pinned__text">{state.pinnedNotice}</p>
        </div>
      )}
      {state?.locked && (
        <p className="chat-state">
          This chat is read-only for now. You can still read along{canModerate ? '; as a moderator you can still write' : ''}.
        </p>
      )}
      {!!state && state.slowModeSeconds > 0 && (
        <p className="chat-state">
          Slow mode is on: one message every {describeSeconds(state.slowModeSeconds)}, so there is time to breathe between
          messages.
        </p>
      )}
      <div role="status" className="chat-notice-line">
        {notice && <p className="notice notice--success">{notice}</p>}
      </div>
      {preferences.isPending ? (
        <ChatLogPlaceholder text="Loading your content settings…" />
      ) : (
        <ChatMessageList
          snapshot={snapshot}
          viewer={{ id: user.id, handle: user.handle }}
          preferences={preferences.data}
          canModerate={canModerate}
          canAct
          onLoadOlder={() => void store.loadOlder()}
          onAction={(action, message) => {
            setNotice('');
            setDialog({ action, message });
          }}
          onEdit={onEdit}
          onRetry={(clientId) => void store.retry(clientId)}
          onDiscard={(clientId) => store.discard(clientId)}
        />
      )}
      <p className="chat-typing" aria-live="off">
        {typingText(snapshot.typing)}
      </p>
      <CrisisSupportPanel source="chat" headingLevel={3} />
      {canPost ? (
        <ChatComposer store={store} disabled={locked || snapshot.phase === 'refused'} requireWarning={room.requireContentWarning} />
      ) : (
        <p className="muted">Join this room to take part in the chat.</p>
      )}
      {canModerate && state && <ChatModeratorControls store={store} state={state} />}

      {dialog?.action === 'report' && (
        <LazyReportDialog
          targets={[
            { type: 'message', id: dialog.message.id, label: 'This message' },
            { type: 'member', id: dialog.message.author.id, label: `How ${dialog.message.author.handle} is behaving in general` },
          ]}
          onClose={close}
        />
      )}
      {dialog?.action === 'block' && (
        <BlockMemberDialog
          handle={dialog.message.author.handle}
          open
          onClose={close}
          onBlocked={(handle) => {
            store.forgetAuthor(dialog.message.author.id);
            setNotice(`You blocked ${handle}. Their messages are hidden from you now; you can undo this in Settings.`);
          }}
        />
      )}
      {dialog?.action === 'delete' && (
        <DeleteMessageDialog
          onCancel={close}
          onConfirm={async () => {
            const error = await store.deleteOwn(dialog.message.id);
            if (!error) close();
            return error ? refusalText(error) : null;
          }}
        />
      )}
      {dialog?.action === 'remove' && (
        <LazyReasonDialog
          title="Remove this message?"
          confirmLabel="Remove message"
          onClose={close}
          onSubmit={async (reason) => {
            const error = await store.removeMessage(dialog.message.id, reason);
            if (!error) setNotice('The message is removed for everyone. Its author is told why.');
            return error ? error.message : null;
          }}
        >
          <p>
            It disappears for everyone at once and can be restored from the moderation log. {dialog.message.author.handle} is told
            privately, with your reason.
          </p>
        </LazyReasonDialog>
      )}
      {dialog?.action === 'mute' && (
        <LazyReasonDialog
          title={`Mute ${dialog.message.author.handle}?`}
          confirmLabel="Mute"
          durations={MUTE_DURATIONS}
          onClose={close}
          onSubmit={async (reason, minutes) => {
            const ack = await store.mute(dialog.message.author.id, minutes ?? 60, reason);
            if (!ack.ok) return ack.message;
            setNotice(`${dialog.message.author.handle} is muted in this room until ${untilText(ack.until)}.`);
            return null;
          }}
        >
          <p>They can still read, but cannot send messages or posts in this room until the time is up. They are told why.</p>
        </LazyReasonDialog>
      )}
    </>
  );
}

function DeleteMessageDialog({ onCancel, onConfirm }: { onCancel: () => void; onConfirm: () => Promise<string | null> }) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <ConfirmDialog
      open
      title="Delete your message?"
      confirmLabel="Delete message"
      pending={pending}
      error={error}
      onCancel={onCancel}
      onConfirm={async () => {
        setPending(true);
        setError(await onConfirm());
        setPending(false);
      }}
    >
      <p>It disappears from the chat for everyone. Moderators can still see what it said, as part of keeping the room safe.</p>
    </ConfirmDialog>
  );
}

/**
 * The chat's shape before it can show anything: the log's and the composer's space are kept
 * from the first paint, so nothing below them moves when they arrive (layout shift).
 */
function ChatBodyPlaceholder({ canPost }: { canPost: boolean }) {
  return (
    <>
      <div role="status" className="chat-banner-slot">
        <p className="chat-banner">Connecting to live chat…</p>
      </div>
      <ChatLogPlaceholder />
      <p className="chat-typing" aria-hidden="true" />
      {canPost && <div className="chat-composer-space" aria-hidden="true" />}
    </>
  );
}

function ChatLogPlaceholder({ text }: { text?: string }) {
  return (
    <div className="chat-log-frame">
      <div className="chat-log">{text && <p className="chat-log__empty muted">{text}</p>}</div>
    </div>
  );
}

function ConnectionBanner({ status, snapshot }: { status: string; snapshot: RoomChatSnapshot }) {
  let text = '';
  if (status === 'reconnecting') text = 'Reconnecting… your messages are safe.';
  else if (status === 'ended') text = 'Live chat has ended for this session. Please log in again to continue.';
  else if (status === 'connecting' || (status === 'connected' && snapshot.phase === 'joining')) text = 'Connecting to live chat…';
  return (
    <div role="status" className="chat-banner-slot">
      {text && <p className={`chat-banner${status === 'reconnecting' ? ' chat-banner--warn' : ''}`}>{text}</p>}
    </div>
  );
}

function Presence({ snapshot }: { snapshot: RoomChatSnapshot }) {
  const presence = snapshot.presence;
  if (!presence) return null;
  const count = presence.count;
  return (
    <details className="chat-presence">
      <summary>{count === 0 ? 'Nobody visible here right now' : `${count} here now`}</summary>
      {presence.members.length > 0 && (
        <ul className="chat-presence__list" aria-label="Here now">
          {presence.members.map((member) => (
            <li key={member.id}>{member.handle}</li>
          ))}
        </ul>
      )}
      <p className="muted chat-presence__note">People who keep their presence private are not listed.</p>
    </details>
  );
}
