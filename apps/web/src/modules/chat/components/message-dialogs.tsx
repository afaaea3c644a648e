import type { ChatMessageView } from '@kindred/contracts';
import { useState } from 'react';
import { useAuthorName } from '../../../shared/i18n/author-name';
import { useT } from '../../../shared/i18n/use-t';
import { ConfirmDialog } from '../../../shared/ui/confirm-dialog';
import { LazyReportDialog } from '../../reports/components/lazy-report-dialog';
import { BlockMemberDialog } from '../../safety/components/block-member-dialog';
import { useChatWords } from '../lib/describe';
import type { RoomChatStore } from '../lib/room-chat-store';
import type { MessageAction } from './chat-message-item';

export type OpenMessageDialog = { action: MessageAction; message: ChatMessageView } | null;

interface MessageDialogsProps {
  dialog: OpenMessageDialog;
  store: RoomChatStore;
  onClose: () => void;
  /** A calm line under the chat once something is done (blocked). */
  onNotice: (notice: string) => void;
}

/**
 * What every member can do with a chat message, in a room or a conversation: report it (or
 * its author), block its author, delete one's own. Room-only actions stay with the room chat.
 */
export function MessageDialogs({ dialog, store, onClose, onNotice }: MessageDialogsProps) {
  const { t, refusal } = useChatWords();
  const authorName = useAuthorName();
  if (!dialog) return null;
  const { action, message } = dialog;
  if (action === 'report') {
    return (
      <LazyReportDialog
        targets={[
          { type: 'message', id: message.id, label: t('chat.report.thisMessage') },
          { type: 'member', id: message.author.id, label: t('chat.report.member', { handle: authorName(message.author) }) },
        ]}
        onClose={onClose}
      />
    );
  }
  if (action === 'block') {
    return (
      <BlockMemberDialog
        handle={message.author.handle}
        open
        onClose={onClose}
        onBlocked={(handle) => {
          store.forgetAuthor(message.author.id);
          onNotice(t('chat.blocked', { handle }));
        }}
      />
    );
  }
  if (action === 'delete') {
    return (
      <DeleteMessageDialog
        onCancel={onClose}
        onConfirm={async () => {
          const error = await store.deleteOwn(message.id);
          if (!error) onClose();
          return error ? refusal(error) : null;
        }}
      />
    );
  }
  return null;
}

function DeleteMessageDialog({ onCancel, onConfirm }: { onCancel: () => void; onConfirm: () => Promise<string | null> }) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const t = useT();
  return (
    <ConfirmDialog
      open
      title={t('chat.delete.title')}
      confirmLabel={t('chat.delete.confirm')}
      pending={pending}
      error={error}
      onCancel={onCancel}
      onConfirm={async () => {
        setPending(true);
        setError(await onConfirm());
        setPending(false);
      }}
    >
      <p>{t('chat.delete.body')}</p>
    </ConfirmDialog>
  );
}

