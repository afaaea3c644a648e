import { CHAT_MESSAGE_MAX_LENGTH, type CreateConversationRequest } from '@kindred/contracts';
import type { FormEvent, ReactNode } from 'react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useErrorText } from '../../../shared/i18n/error-text';
import { useT } from '../../../shared/i18n/use-t';
import { TextareaField } from '../../../shared/ui/textarea-field';
import { useStartConversation } from '../hooks/use-conversations';

interface FirstMessageFormProps {
  memberId: string;
  idBase: string;
  label: string;
  submitLabel: string;
  /** Shown on the conversation once it opens. */
  sentNotice: string;
  /** More of the request (a check-in, as the team). */
  request?: Pick<CreateConversationRequest, 'kind' | 'asTeam'>;
  onCancel: () => void;
  className?: string;
  /** Fields between the message and the buttons. */
  children?: ReactNode;
}

/**
 * The first message of a new conversation, for a peer request and a moderator's check-in alike:
 * sent once (one client id per attempt at these words, so a retry never asks twice), then the
 * conversation opens. A refusal is worded by the server, the same whatever its reason.
 */
export function FirstMessageForm({ memberId, idBase, label, submitLabel, sentNotice, request, onCancel, className, children }: FirstMessageFormProps) {
  const t = useT();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const start = useStartConversation();
  const [body, setBody] = useState('');
  const [empty, setEmpty] = useState(false);
  const [clientId] = useState(() => crypto.randomUUID());

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!body.trim()) {
      setEmpty(true);
      return;
    }
    start.mutate(
      { participantIds: [memberId], body, clientId, ...request },
      { onSuccess: (conversation) => navigate(`/messages/${conversation.id}`, { state: { notice: sentNotice } }) },
    );
  }

  return (
    <form className={className} onSubmit={onSubmit} noValidate>
      <TextareaField
        id={`${idBase}-body`}
        label={label}
        value={body}
        onChange={(value) => {
          setEmpty(false);
          setBody(value);
        }}
        maxLength={CHAT_MESSAGE_MAX_LENGTH}
        rows={4}
        error={empty ? t('chat.composer.empty') : undefined}
      />
      {children}
      {start.error && (
        <p className="field__error" role="alert">
          {errorText(start.error)}
        </p>
      )}
      <div className="button-row">
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={start.isPending}>
          {start.isPending ? t('common.oneMoment') : submitLabel}
        </button>
      </div>
    </form>
  );
}
