import { useT } from '../../../shared/i18n/use-t';
import { Dialog } from '../../../shared/ui/dialog';
import { FirstMessageForm } from './first-message-form';

interface StartConversationDialogProps {
  member: { id: string; handle: string };
  onClose: () => void;
}

/**
 * Asks someone from a room for a private conversation: the first message goes as a request
 * they may accept or decline. A refusal reads the same whatever its reason (their setting or
 * a block), as the server words it.
 */
export function StartConversationDialog({ member, onClose }: StartConversationDialogProps) {
  const t = useT();
  return (
    <Dialog open onClose={onClose} title={t('conversations.start.title', { handle: member.handle })}>
      <p>{t('conversations.start.lead', { handle: member.handle })}</p>
      <FirstMessageForm
        memberId={member.id}
        idBase="start-conversation"
        label={t('conversations.start.label')}
        submitLabel={t('conversations.start.send')}
        sentNotice={t('conversations.start.sent')}
        onCancel={onClose}
      />
    </Dialog>
  );
}
