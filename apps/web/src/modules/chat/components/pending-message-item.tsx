import type { PendingMessage } from '../lib/room-chat-store';
import { useChatWords } from '../lib/describe';

interface PendingMessageItemProps {
  pending: PendingMessage;
  handle: string;
  onRetry: (clientId: string) => void;
  onDiscard: (clientId: string) => void;
}

/** Our own message before the server has confirmed it: visible at once, never lost. */
export function PendingMessageItem({ pending, handle, onRetry, onDiscard }: PendingMessageItemProps) {
  const { t, refusal } = useChatWords();
  return (
    <li className={`chat-message chat-message--own chat-message--pending chat-message--${pending.state}`}>
      <div className="chat-message__meta">
        <span className="chat-message__author">{handle}</span>
        <span className="visually-hidden"> {t('chat.message.you')}</span>
        <span className="chat-message__status">
          {pending.state === 'sending' && t('common.sending')}
          {pending.state === 'queued' && t('chat.pending.queued')}
          {pending.state === 'failed' && t('chat.pending.failed')}
        </span>
      </div>
      <p className="chat-message__body">{pending.body}</p>
      {pending.state === 'queued' && (
        <p className="chat-message__note">{t('chat.pending.queuedNote')}</p>
      )}
      {pending.state === 'failed' && pending.problem && <p className="chat-message__note">{refusal(pending.problem)}</p>}
      {pending.state !== 'sending' && (
        <div className="button-row button-row--tight">
          <button type="button" className="button button--small" onClick={() => onRetry(pending.clientId)}>
            {t('common.tryAgain')}
          </button>
          {pending.state === 'failed' && (
            <button type="button" className="button button--small button--quiet" onClick={() => onDiscard(pending.clientId)}>
              {t('chat.pending.discard')}
            </button>
          )}
        </div>
      )}
    </li>
  );
}
