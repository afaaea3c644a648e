import type { ChatMessageView, Presentation } from '@kindred/contracts';
import { CHAT_MESSAGE_MAX_LENGTH } from '@kindred/contracts';
import type { FormEvent, KeyboardEvent } from 'react';
import { useEffect, useRef, useState } from 'react';
import { formatAbsolute } from '../../../shared/lib/format-time';
import { WarningBadges } from '../../content-warnings/components/warning-badges';
import { WarningGate } from '../../content-warnings/components/warning-gate';
import { messageRevealId } from '../lib/chat-presentation';
import { messageTime } from '../lib/describe';

export type MessageAction = 'delete' | 'report' | 'block' | 'remove' | 'mute';

interface ChatMessageItemProps {
  message: ChatMessageView;
  presentation: Presentation;
  own: boolean;
  canModerate: boolean;
  /** Signed-in members who may act on others' messages (report, block). */
  canAct: boolean;
  onAction: (action: MessageAction, message: ChatMessageView) => void;
  onEdit: (message: ChatMessageView, body: string) => Promise<string | null>;
}

/** One message. Plain text only: whatever someone types is shown as typed, never as HTML. */
export function ChatMessageItem({ message, presentation, own, canModerate, canAct, onAction, onEdit }: ChatMessageItemProps) {
  const [editing, setEditing] = useState(false);
  const menuRef = useRef<HTMLDetailsElement>(null);
  const formerMember = message.author.handle === 'former member';
  const actions: { action: MessageAction | 'edit'; label: string }[] = [];
  if (own) {
    actions.push({ action: 'edit', label: 'Edit' }, { action: 'delete', label: 'Delete' });
  } else if (canAct) {
    actions.push({ action: 'report', label: 'Report' });
    if (!formerMember) actions.push({ action: 'block', label: `Block ${message.author.handle}` });
  }
  if (canModerate && !own) {
    actions.push({ action: 'remove', label: 'Remove (moderator)' });
    if (!formerMember) actions.push({ action: 'mute', label: `Mute ${message.author.handle} (moderator)` });
  }

  function choose(action: MessageAction | 'edit') {
    if (menuRef.current) menuRef.current.open = false;
    if (action === 'edit') setEditing(true);
    else onAction(action, message);
  }

  return (
    <li className={`chat-message${own ? ' chat-message--own' : ''}`}>
      <div className="chat-message__meta">
        <span className="chat-message__author">{message.author.handle}</span>
        {own && <span className="visually-hidden"> (you)</span>}
        <time className="chat-message__time" dateTime={message.createdAt} title={formatAbsolute(message.createdAt)}>
          {messageTime(message.createdAt)}
        </time>
        {message.editedAt && <span className="chat-message__edited">edited</span>}
        {actions.length > 0 && (
          <details ref={menuRef} className="chat-message__menu">
            <summary className="chat-message__menu-button">
              <span aria-hidden="true">⋯</span>
              <span className="visually-hidden">
                Options for {own ? 'your message' : `the message from ${message.author.handle}`} at {messageTime(message.createdAt)}
              </span>
            </summary>
            <ul className="chat-message__menu-list">
              {actions.map((item) => (
                <li key={item.action}>
                  <button type="button" className="chat-message__menu-item" onClick={() => choose(item.action)}>
                    {item.label}
                  </button>
                </li>
              ))}
            </ul>
          </details>
        )}
      </div>
      {editing ? (
        <EditMessageForm message={message} onDone={() => setEditing(false)} onSave={(body) => onEdit(message, body)} />
      ) : (
        <WarningGate id={messageRevealId(message.id)} warning={message.warning} presentation={presentation} what="message">
          {() => (
            <>
              <WarningBadges categories={message.warning.categories} />
              <p className="chat-message__body">{message.body}</p>
            </>
          )}
        </WarningGate>
      )}
    </li>
  );
}

function EditMessageForm({ message, onDone, onSave }: { message: ChatMessageView; onDone: () => void; onSave: (body: string) => Promise<string | null> }) {
  const [body, setBody] = useState(message.body);
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const ref = useRef<HTMLTextAreaElement>(null);
  const id = `edit-message-${message.id}`;

  useEffect(() => {
    ref.current?.focus();
  }, []);

  async function onSubmit(event?: FormEvent<HTMLFormElement>) {
    event?.preventDefault();
    if (!body.trim()) {
      setProblem('A message cannot be empty. To take it away, use Delete instead.');
      return;
    }
    setPending(true);
    const error = await onSave(body);
    setPending(false);
    if (error) setProblem(error);
    else onDone();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      void onSubmit();
    }
  }

  return (
    <form className="chat-edit" onSubmit={onSubmit} noValidate>
      <label htmlFor={id} className="visually-hidden">
        Edit your message
      </label>
      <textarea
        ref={ref}
        id={id}
        className="field__input chat-edit__input"
        rows={2}
        value={body}
        maxLength={CHAT_MESSAGE_MAX_LENGTH}
        onChange={(event) => setBody(event.target.value)}
        onKeyDown={onKeyDown}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-problem` : undefined}
      />
      {problem && (
        <p id={`${id}-problem`} className="field__error" role="alert">
          {problem}
        </p>
      )}
      <div className="button-row button-row--tight">
        <button type="submit" className="button button--small button--primary" disabled={pending}>
          {pending ? 'Saving…' : 'Save'}
        </button>
        <button type="button" className="button button--small" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
