import type { ChatMessageView, RoomDetail } from '@kindred/contracts';
import { useState } from 'react';
import { useSession } from '../../auth/hooks/use-session';
import { useWarningPreferences } from '../../content-warnings/hooks/use-warning-preferences';
import { LazyReasonDialog } from '../../moderator-reasons/components/lazy-reason-dialog';
import { useMuteDurations } from '../../moderator-reasons/lib/durations';
import { LazyStartConversationDialog } from '../../conversations/components/lazy-start-conversation-dialog';
import { CrisisSupportPanel } from '../../safety/components/crisis-support-panel';
import { useErrorText } from '../../../shared/i18n/error-text';
import { labelForDetector } from '../../care/api/care-api';
import { useConnectionStatus } from '../../../shared/realtime/use-realtime';
import { useRoomChat } from '../hooks/use-room-chat';
import { useT } from '../../../shared/i18n/use-t';
import { useAuthorName } from '../../../shared/i18n/author-name';
import { untilText, useChatWords } from '../lib/describe';
import type { RoomChatSnapshot } from '../lib/room-chat-store';
import { SessionModePanel } from '../../support-sessions/components/session-mode-panel';
import { ChatComposer } from './chat-composer';
import { ChatMessageList } from './chat-message-list';
import { ChatModeratorControls } from './chat-moderator-controls';
import { MessageDialogs, type OpenMessageDialog } from './message-dialogs';
import { ChatBodyPlaceholder, ChatLogPlaceholder } from './chat-placeholders';

type OpenDialog = OpenMessageDialog;

/** The live chat of a room the viewer may read: connection, messages, composer and dialogs. */
export function ChatBody({ room, canPost }: { room: RoomDetail; canPost: boolean }) {
  const { user } = useSession();
  const { store, snapshot, connection } = useRoomChat(room.id, user?.id, true);
  const status = useConnectionStatus(connection);
  const preferences = useWarningPreferences(!!user);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [notice, setNotice] = useState('');
  const [labelProblem, setLabelProblem] = useState('');
  const errorText = useErrorText();
  const canModerate = room.viewer.canModerate;
  const words = useChatWords();
  const { t, refusal } = words;
  const authorName = useAuthorName();
  const mutes = useMuteDurations();

  if (!user || !store || !snapshot) return <ChatBodyPlaceholder canPost={canPost} />;
  const state = snapshot.state;
  const locked = !!state?.locked && !canModerate;
  const close = () => setDialog(null);

  async function onEdit(message: ChatMessageView, body: string) {
    const error = await store!.edit(message.id, body);
    return error ? refusal(error) : null;
  }

  return (
    <>
      <ConnectionBanner status={status} snapshot={snapshot} />
      {snapshot.phase === 'refused' && <p className="notice notice--error">{snapshot.problem && refusal(snapshot.problem)}</p>}
      {snapshot.phase === 'ready' && <Presence snapshot={snapshot} />}
      <SessionModePanel roomId={room.id} joins={snapshot.joins} canFacilitate={canModerate} canTakePart={canPost} />
      {state?.pinnedNotice && (
        <div className="chat-pinned">
          <p className="chat-pinned__label">{t('chat.pinnedBy')}</p>
          <p className="chat-pinned__text">{state.pinnedNotice}</p>
        </div>
      )}
      {state?.locked && (
        <p className="chat-state">{t(canModerate ? 'chat.state.lockedModerator' : 'chat.state.locked')}</p>
      )}
      {!!state && state.slowModeSeconds > 0 && (
        <p className="chat-state">{t('chat.state.slowMode', { every: words.seconds(state.slowModeSeconds) })}</p>
      )}
      <div role="status" className="chat-notice-line">
        {notice && <p className="notice notice--success">{notice}</p>}
        {labelProblem && <p className="notice notice--error">{labelProblem}</p>}
      </div>
      {preferences.isPending ? (
        <ChatLogPlaceholder text={t('chat.loadingSettings')} />
      ) : (
        <ChatMessageList
          snapshot={snapshot}
          viewer={{ id: user.id, handle: user.handle }}
          preferences={preferences.data}
          canModerate={canModerate}
          canAct
          canMessage
          onLoadOlder={() => void store.loadOlder()}
          onAction={(action, message) => {
            setNotice('');
            setLabelProblem('');
            if (action === 'missed-crisis') {
              // No dialog: one click labels the message; an admin reviews it before it counts.
              labelForDetector({ sourceType: 'message', sourceId: message.id, label: 'crisis' }).then(
                () => setNotice(t('care.detector.mark.done')),
                (error: unknown) => setLabelProblem(errorText(error)),
              );
              return;
            }
            setDialog({ action, message });
          }}
          onEdit={onEdit}
          onRetry={(clientId) => void store.retry(clientId)}
          onDiscard={(clientId) => store.discard(clientId)}
        />
      )}
      <p className="chat-typing" aria-live="off">
        {words.typing(snapshot.typing)}
      </p>
      <CrisisSupportPanel source="chat" headingLevel={3} />
      {canPost ? (
        <ChatComposer store={store} disabled={locked || snapshot.phase === 'refused'} requireWarning={room.requireContentWarning} />
      ) : (
        <p className="muted">{t('chat.joinToTakePart')}</p>
      )}
      {canModerate && state && <ChatModeratorControls store={store} state={state} />}

      <MessageDialogs dialog={dialog} store={store} onClose={close} onNotice={setNotice} />
      {dialog?.action === 'message' && <LazyStartConversationDialog member={dialog.message.author} onClose={close} />}
      {dialog?.action === 'remove' && (
        <LazyReasonDialog
          title={t('chat.remove.title')}
          confirmLabel={t('chat.remove.confirm')}
          onClose={close}
          onSubmit={async (reason) => {
            const error = await store.removeMessage(dialog.message.id, reason);
            if (!error) setNotice(t('chat.remove.done'));
            return error ? refusal(error) : null;
          }}
        >
          <p>{t('chat.remove.body', { handle: authorName(dialog.message.author) })}</p>
        </LazyReasonDialog>
      )}
      {dialog?.action === 'mute' && (
        <LazyReasonDialog
          title={t('chat.mute.title', { handle: dialog.message.author.handle })}
          confirmLabel={t('chat.mute.confirm')}
          durations={mutes}
          onClose={close}
          onSubmit={async (reason, minutes) => {
            const ack = await store.mute(dialog.message.author.id, minutes ?? 60, reason);
            if (!ack.ok) return refusal(ack);
            setNotice(t('chat.mute.done', { handle: dialog.message.author.handle, until: untilText(ack.until) }));
            return null;
          }}
        >
          <p>{t('chat.mute.body')}</p>
        </LazyReasonDialog>
      )}
    </>
  );
}

function ConnectionBanner({ status, snapshot }: { status: string; snapshot: RoomChatSnapshot }) {
  const t = useT();
  let text = '';
  if (status === 'reconnecting') text = t('chat.reconnecting');
  else if (status === 'ended') text = t('chat.ended');
  else if (status === 'connecting' || (status === 'connected' && snapshot.phase === 'joining')) text = t('chat.connecting');
  return (
    <div role="status" className="chat-banner-slot">
      {text && <p className={`chat-banner${status === 'reconnecting' ? ' chat-banner--warn' : ''}`}>{text}</p>}
    </div>
  );
}

function Presence({ snapshot }: { snapshot: RoomChatSnapshot }) {
  const t = useT();
  const presence = snapshot.presence;
  if (!presence) return null;
  const count = presence.count;
  return (
    <details className="chat-presence">
      <summary>{t('chat.presence.summary', { count })}</summary>
      {presence.members.length > 0 && (
        <ul className="chat-presence__list" aria-label={t('chat.presence.list')}>
          {presence.members.map((member) => (
            <li key={member.id}>{member.handle}</li>
          ))}
        </ul>
      )}
      <p className="muted chat-presence__note">{t('chat.presence.note')}</p>
    </details>
  );
}
