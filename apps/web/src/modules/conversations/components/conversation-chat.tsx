import type { ConversationView } from '@kindred/contracts';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useErrorText } from '../../../shared/i18n/error-text';
import { useConnectionStatus } from '../../../shared/realtime/use-realtime';
import { ConfirmDialog } from '../../../shared/ui/confirm-dialog';
import { ChatComposer } from '../../chat/components/chat-composer';
import { ChatMessageList } from '../../chat/components/chat-message-list';
import { MessageDialogs, type OpenMessageDialog } from '../../chat/components/message-dialogs';
import { useLiveChat } from '../../chat/hooks/use-room-chat';
import { useChatWords } from '../../chat/lib/describe';
import type { RoomChatSnapshot } from '../../chat/lib/room-chat-store';
import { useT } from '../../../shared/i18n/use-t';
import '../../chat/components/chat.css';
import { useWarningPreferences } from '../../content-warnings/hooks/use-warning-preferences';
import { CrisisSupportPanel } from '../../safety/components/crisis-support-panel';
import { useConversationReactions } from '../hooks/use-conversation-reactions';
import { useLeaveConversation, useMuteConversation } from '../hooks/use-conversations';
import { conversationChannel } from '../lib/conversation-channel';

type OpenDialog = OpenMessageDialog | { action: 'leave' };

/** An accepted conversation, live: the room chat's log, composer and typing line on the conversation's channel. */
export function ConversationChat({ conversation, viewer }: { conversation: ConversationView; viewer: { id: string; handle: string } }) {
  const { store, snapshot, connection } = useLiveChat(conversationChannel, conversation.id, viewer.id, true);
  const status = useConnectionStatus(connection);
  const preferences = useWarningPreferences(true);
  const words = useChatWords();
  const { t, refusal } = words;
  const errorText = useErrorText();
  const navigate = useNavigate();
  const mute = useMuteConversation();
  const leave = useLeaveConversation();
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const reactionsFor = useConversationReactions(conversation.id);
  const [notice, setNotice] = useState('');
  const close = () => setDialog(null);

  if (!store || !snapshot) return <p role="status">{t('chat.connecting')}</p>;

  return (
    <>
      <div className="button-row conversation-actions">
        <button
          type="button"
          className="button button--small"
          aria-pressed={conversation.muted}
          disabled={mute.isPending}
          onClick={() => mute.mutate({ id: conversation.id, muted: !conversation.muted })}
        >
          {t(conversation.muted ? 'conversations.unmute' : 'conversations.mute')}
        </button>
        <button type="button" className="button button--small button--quiet" onClick={() => setDialog({ action: 'leave' })}>
          {t('conversations.leave')}
        </button>
      </div>
      <div role="status" className="chat-banner-slot">
        {status === 'reconnecting' && <p className="chat-banner chat-banner--warn">{t('chat.reconnecting')}</p>}
        {notice && <p className="notice notice--success">{notice}</p>}
      </div>
      {conversation.standing === 'pending' && <p className="notice">{t('conversations.pendingLead')}</p>}
      {snapshot.phase === 'refused' && <p className="notice notice--error">{snapshot.problem && refusal(snapshot.problem)}</p>}
      <ChatMessageList
        snapshot={snapshot}
        viewer={viewer}
        preferences={preferences.data}
        canModerate={false}
        canAct
        reactionsFor={conversation.standing === 'active' ? reactionsFor : undefined}
        onLoadOlder={() => void store.loadOlder()}
        onAction={(action, message) => {
          setNotice('');
          setDialog({ action, message });
        }}
        onEdit={async (message, body) => {
          const error = await store.edit(message.id, body);
          return error ? refusal(error) : null;
        }}
        onRetry={(clientId) => void store.retry(clientId)}
        onDiscard={(clientId) => store.discard(clientId)}
      />
      <p className="chat-typing" aria-live="off">
        {words.typing(snapshot.typing)}
      </p>
      <SeenLine snapshot={snapshot} viewerId={viewer.id} seenUpTo={conversation.seenUpTo} />
      <CrisisSupportPanel source="chat" headingLevel={3} />
      {conversation.standing === 'active' && <ChatComposer store={store} disabled={snapshot.phase === 'refused'} checkAs="message" />}

      {dialog && dialog.action !== 'leave' && <MessageDialogs dialog={dialog} store={store} onClose={close} onNotice={setNotice} />}
      {dialog?.action === 'leave' && (
        <ConfirmDialog
          open
          title={t('conversations.leaveTitle')}
          confirmLabel={t('conversations.leave')}
          pending={leave.isPending}
          error={leave.error ? errorText(leave.error) : null}
          onCancel={close}
          onConfirm={() => leave.mutate(conversation.id, { onSuccess: () => navigate('/messages', { replace: true, state: { notice: t('conversations.left') } }) })}
        >
          <p>{t('conversations.leaveBody')}</p>
        </ConfirmDialog>
      )}
    </>
  );
}

/** Read receipts: only sent by the server when both people turned them on; "seen" under one's latest message. */
function SeenLine({ snapshot, viewerId, seenUpTo }: { snapshot: RoomChatSnapshot; viewerId: string; seenUpTo: number | null }) {
  const t = useT();
  const latest = snapshot.messages.at(-1);
  const mineAndSeen = seenUpTo !== null && latest?.kind === 'message' && latest.author.id === viewerId && latest.seq <= seenUpTo;
  return <p className="muted conversation-seen">{mineAndSeen ? t('conversations.seen') : ''}</p>;
}
