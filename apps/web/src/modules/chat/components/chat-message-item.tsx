import type { ChatMessageView, Presentation, ReactionKind } from '@kindred/contracts';
import { CHAT_MESSAGE_MAX_LENGTH, REACTION_KINDS } from '@kindred/contracts';
import { REACTION_LABELS } from '../../threads/lib/reaction-labels';
import type { FormEvent, KeyboardEvent, Ref } from 'react';
import { useEffect, useRef, useState } from 'react';
import { formatAbsolute } from '../../../shared/lib/format-time';
import { useT } from '../../../shared/i18n/use-t';
import { isPlaceholderAuthor, useAuthorName } from '../../../shared/i18n/author-name';
import { WarningBadges } from '../../content-warnings/components/warning-badges';
import { WarningGate } from '../../content-warnings/components/warning-gate';
import { useRevealed } from '../../content-warnings/hooks/use-revealed';
import { messageRevealId } from '../lib/chat-presentation';
import { messageTime } from '../lib/describe';
import type { RovingItemProps } from '../lib/use-roving-list';

export type MessageAction = 'delete' | 'report' | 'block' | 'remove' | 'mute' | 'missed-crisis' | 'message';
type MenuAction = MessageAction | 'edit' | 'show' | `react:${ReactionKind}`;

/** Supportive reactions on one message, as the viewer sees them (private conversations). */
export interface MessageReactions {
  counts: Partial<Record<ReactionKind, number>>;
  mine: readonly ReactionKind[];
  onToggle: (kind: ReactionKind, on: boolean) => void;
}

interface ChatMessageItemProps {
  message: ChatMessageView;
  presentation: Presentation;
  own: boolean;
  canModerate: boolean;
  /** Signed-in members who may act on others' messages (report, block). */
  canAct: boolean;
  /** Offer to start a private conversation with the author (room chat, not a conversation itself). */
  canMessage?: boolean;
  /** Reactions shown under the message and offered in its menu (conversations). */
  reactions?: MessageReactions;
  onAction: (action: MessageAction, message: ChatMessageView) => void;
  onEdit: (message: ChatMessageView, body: string) => Promise<string | null>;
  /** Its place in the list's single tab stop (arrow keys move between messages). */
  roving: RovingItemProps;
}

const isReaction = (action: MenuAction): action is `react:${ReactionKind}` => action.startsWith('react:');

/** Enter, the menu key or Shift+F10 on a focused message opens its actions. */
const opensMenu = (event: KeyboardEvent) => event.key === 'Enter' || event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey);

/**
 * One message, one stop in the list's roving tab order: its controls are reached from it
 * (Enter opens the actions, which include "Show message" while it is folded), so a long
 * conversation costs one Tab. Plain text only: whatever someone types is shown as typed.
 */
export function ChatMessageItem({ message, presentation, own, canModerate, canAct, canMessage = false, reactions, onAction, onEdit, roving }: ChatMessageItemProps) {
  const t = useT();
  const authorName = useAuthorName();
  const [editing, setEditing] = useState(false);
  const [revealed, reveal] = useRevealed(messageRevealId(message.id));
  const itemRef = useRef<HTMLLIElement | null>(null);
  const menuRef = useRef<HTMLDetailsElement>(null);
  const formerMember = isPlaceholderAuthor(message.author);
  const folded = presentation === 'warn' && !revealed;
  const idBase = `chat-${message.id}`;
  const actions: { action: MenuAction; label: string; pressed?: boolean }[] = [];
  const handle = authorName(message.author);
  if (folded) actions.push({ action: 'show', label: t('chat.message.show') });
  if (own) {
    actions.push({ action: 'edit', label: t('chat.message.edit') }, { action: 'delete', label: t('chat.message.delete') });
  } else if (canAct) {
    actions.push({ action: 'report', label: t('chat.message.report') });
    if (!formerMember) actions.push({ action: 'block', label: t('chat.message.block', { handle }) });
    if (canMessage && !formerMember) actions.push({ action: 'message', label: t('chat.message.startConversation', { handle }) });
  }
  if (reactions && !folded) {
    for (const kind of REACTION_KINDS) actions.push({ action: `react:${kind}`, label: t(REACTION_LABELS[kind]), pressed: reactions.mine.includes(kind) });
  }
  if (canModerate && !own) {
    actions.push({ action: 'remove', label: t('chat.message.remove') });
    if (!formerMember) actions.push({ action: 'mute', label: t('chat.message.mute', { handle }) });
    // Teaching the crisis detector from what members really write (an admin reviews it).
    actions.push({ action: 'missed-crisis', label: t('care.detector.mark.missed') });
  }

  function closeMenu() {
    if (menuRef.current) menuRef.current.open = false;
    // Back to the message, so a dialog opened from the menu returns focus here too.
    itemRef.current?.focus();
  }

  function choose(action: MenuAction) {
    closeMenu();
    if (action === 'edit') setEditing(true);
    else if (action === 'show') reveal();
    else if (isReaction(action)) {
      const kind = action.slice('react:'.length) as ReactionKind;
      reactions?.onToggle(kind, !reactions.mine.includes(kind));
    } else onAction(action, message);
  }

  function finishEditing() {
    setEditing(false);
    itemRef.current?.focus();
  }

  function onItemKeyDown(event: KeyboardEvent<HTMLLIElement>) {
    if (event.target !== event.currentTarget || !opensMenu(event) || !menuRef.current) return;
    event.preventDefault();
    menuRef.current.open = true;
    menuRef.current.querySelector<HTMLButtonElement>('.chat-message__menu-item')?.focus();
  }

  function onMenuKeyDown(event: KeyboardEvent<HTMLElement>) {
    const items = [...(menuRef.current?.querySelectorAll<HTMLButtonElement>('.chat-message__menu-item') ?? [])];
    const at = items.indexOf(event.target as HTMLButtonElement);
    if (event.key === 'Escape') closeMenu();
    else if (event.key === 'ArrowDown' && at >= 0) items[(at + 1) % items.length]?.focus();
    else if (event.key === 'ArrowUp' && at >= 0) items[(at - 1 + items.length) % items.length]?.focus();
    else return;
    event.preventDefault();
    event.stopPropagation();
  }

  const setRef: Ref<HTMLLIElement> = (node) => {
    itemRef.current = node;
    roving.bind(node);
  };

  return (
    <li
      ref={setRef}
      className={`chat-message${own ? ' chat-message--own' : ''}`}
      tabIndex={roving.tabIndex}
      data-roving-key={roving.rovingKey}
      onFocus={roving.onFocus}
      onKeyDown={onItemKeyDown}
      aria-labelledby={`${idBase}-author ${idBase}-time ${idBase}-content`}
      aria-describedby={actions.length > 0 ? roving.hintId : undefined}
    >
      <div className="chat-message__meta">
        <span id={`${idBase}-author`} className="chat-message__author">
          {authorName(message.author)}
          {own && <span className="visually-hidden"> {t('chat.message.you')}</span>}
        </span>
        <time id={`${idBase}-time`} className="chat-message__time" dateTime={message.createdAt} title={formatAbsolute(message.createdAt)}>
          {messageTime(message.createdAt)}
        </time>
        {message.editedAt && <span className="chat-message__edited">{t('threads.post.edited')}</span>}
        {actions.length > 0 && (
          <details ref={menuRef} className="chat-message__menu" onKeyDown={onMenuKeyDown}>
            <summary className="chat-message__menu-button" tabIndex={-1}>
              <span aria-hidden="true">⋯</span>
              <span className="visually-hidden">
                {t(own ? 'chat.message.optionsOwn' : 'chat.message.options', { handle, time: messageTime(message.createdAt) })}
              </span>
            </summary>
            <ul className="chat-message__menu-list">
              {actions.map((item) => (
                <li key={item.action}>
                  <button type="button" className="chat-message__menu-item" aria-pressed={item.pressed} onClick={() => choose(item.action)}>
                    {item.label}
                  </button>
                </li>
              ))}
            </ul>
          </details>
        )}
      </div>
      <div id={`${idBase}-content`}>
        {editing ? (
          <EditMessageForm message={message} onDone={finishEditing} onSave={(body) => onEdit(message, body)} />
        ) : (
          <WarningGate id={messageRevealId(message.id)} warning={message.warning} presentation={presentation} what="message" tabbable={false} filter={message.filter}>
            {() => (
              <>
                <WarningBadges categories={message.warning.categories} automatic={message.warning.automatic} />
                <p className="chat-message__body">{message.body}</p>
              </>
            )}
          </WarningGate>
        )}
        {reactions && !folded && <ReactionCounts counts={reactions.counts} />}
      </div>
    </li>
  );
}

function EditMessageForm({ message, onDone, onSave }: { message: ChatMessageView; onDone: () => void; onSave: (body: string) => Promise<string | null> }) {
  const [body, setBody] = useState(message.body);
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const ref = useRef<HTMLTextAreaElement>(null);
  const id = `edit-message-${message.id}`;
  const t = useT();

  useEffect(() => {
    ref.current?.focus();
  }, []);

  async function onSubmit(event?: FormEvent<HTMLFormElement>) {
    event?.preventDefault();
    if (!body.trim()) {
      setProblem(t('chat.edit.empty'));
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
        {t('chat.edit.label')}
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
          {pending ? t('common.saving') : t('chat.edit.save')}
        </button>
        <button type="button" className="button button--small" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/** What others sent, quietly under the message; giving one is in the message's menu (one tab stop per message). */
function ReactionCounts({ counts }: { counts: Partial<Record<ReactionKind, number>> }) {
  const t = useT();
  const given = REACTION_KINDS.filter((kind) => (counts[kind] ?? 0) > 0);
  if (given.length === 0) return null;
  return (
    <ul className="chat-message__reactions" aria-label={t('threads.reactions')}>
      {given.map((kind) => (
        <li key={kind}>
          {t(REACTION_LABELS[kind])} <span className="reaction__count">{counts[kind]}</span>
        </li>
      ))}
    </ul>
  );
}
