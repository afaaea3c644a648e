import type { PendingMessage } from '../lib/room-chat-store';
import { refusalText } from '../lib/describe';

interface PendingMessageItemProps {
  pending: PendingMessage;
  handle: string;
  onRetry: (clientId: string) => void;
  onDiscard: (clientId: string) => void;
}

/** Our own message before the server has confirmed it: visible at once, never lost. */
export function PendingMessageItem({ pending, handle, onRetry, onDiscard }: PendingMessageItemProps) {
  return (
    <li className={`chat-message chat-message--own chat-message--pending chat-message--${pending.state}`}>
      <div className="chat-message__meta">
        <span className="chat-message__author">{handle}</span>
        <span className="visually-hidden"> (you)</span>
        <span className="chat-message__status">
          {pending.state === 'sending' && 'Sending…'}
          {pending.state === 'queued' && 'Not sent yet'}
          {pending.state === 'failed' && 'Not sent'}
        </span>
      </div>
      <p className="chat-message__body">{pending.body}</p>
      {pending.state === 'queued' && (
        <p className="chat-message__note">It will be sent as soon as the connection is back.</p>
      )}
      {pending.state === 'failed' && pending.problem && <p className="chat-message__note">{refusalText(pending.problem)}</p>}
      {pending.state !== 'sending' && (
        <div className="button-row button-row--tight">
          <button type="button" className="button button--small" onClick={() => onRetry(pending.clientId)}>
            Try again
          </button>
          {pending.state === 'failed' && (
            <button type="button" className="button button--small button--quiet" onClick={() => onDiscard(pending.clientId)}>
              Discard
            </button>
          )}
        </div>
      )}
    </li>
  );
}
