import { CHAT_MESSAGE_MAX_LENGTH } from '@kindred/contracts';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useErrorText } from '../../../shared/i18n/error-text';
import { useT } from '../../../shared/i18n/use-t';
import { Dialog } from '../../../shared/ui/dialog';
import { TextareaField } from '../../../shared/ui/textarea-field';
import { useStartConversation } from '../hooks/use-conversations';

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
  const errorText = useErrorText();
  const navigate = useNavigate();
  const start = useStartConversation();
  const [body, setBody] = useState('');
  const [empty, setEmpty] = useState(false);
  // One id per attempt at these words, so a retry after no answer never asks twice.
  const [clientId] = useState(() => crypto.randomUUID());

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!body.trim()) {
      setEmpty(true);
      return;
    }
    start.mutate(
      { participantIds: [member.id], body, clientId },
      { onSuccess: (conversation) => navigate(`/messages/${conversation.id}`, { state: { notice: t('conversations.start.sent') } }) },
    );
  }

  return (
    <Dialog open onClose={onClose} title={t('conversations.start.title', { handle: member.handle })}>
      <p>{t('conversations.start.lead', { handle: member.handle })}</p>
      <form onSubmit={onSubmit} noValidate>
        <TextareaField
          id="start-conversation-body"
          label={t('conversations.start.label')}
          value={body}
          onChange={(value) => {
            setEmpty(false);
            setBody(value);
          }}
          maxLength={CHAT_MESSAGE_MAX_LENGTH}
          rows={4}
          error={empty ? t('chat.composer.empty') : undefined}
        />
        {start.error && (
          <p className="field__error" role="alert">
            {errorText(start.error)}
          </p>
        )}
        <div className="button-row">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={start.isPending}>
            {start.isPending ? t('common.oneMoment') : t('conversations.start.send')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
