import type { ChatItem, ChatMessageView, WarningPreferences } from '@kindred/contracts';
import type { UIEvent } from 'react';
import { useId, useLayoutEffect, useRef, useState } from 'react';
import { useT } from '../../../shared/i18n/use-t';
import { useChatWords } from '../lib/describe';
import { chatPresentation } from '../lib/chat-presentation';
import type { PendingMessage, RoomChatSnapshot } from '../lib/room-chat-store';
import { useRovingList, type RovingItemProps } from '../lib/use-roving-list';
import { ChatMessageItem, type MessageAction, type MessageReactions } from './chat-message-item';
import { PendingMessageItem } from './pending-message-item';

type Row = { key: string; kind: 'message'; message: ChatMessageView } | { key: string; kind: 'hidden'; count: number };

/** Runs of placeholders become one quiet line ("3 messages hidden by your settings"), as in threads. */
function toRows(items: readonly ChatItem[]): Row[] {
  const rows: Row[] = [];
  for (const item of items) {
    const last = rows.at(-1);
    if (item.kind === 'message') rows.push({ key: `message-${item.id}`, kind: 'message', message: item });
    else if (last?.kind === 'hidden') last.count += 1;
    else rows.push({ key: `hidden-${item.seq}`, kind: 'hidden', count: 1 });
  }
  return rows;
}

interface ChatMessageListProps {
  snapshot: RoomChatSnapshot;
  viewer: { id: string; handle: string };
  preferences: WarningPreferences | undefined;
  canModerate: boolean;
  canAct: boolean;
  /** Room chat: members may ask an author for a private conversation. */
  canMessage?: boolean;
  /** Conversations: each message's supportive reactions. */
  reactionsFor?: (message: ChatMessageView) => MessageReactions;
  onLoadOlder: () => void;
  onAction: (action: MessageAction, message: ChatMessageView) => void;
  onEdit: (message: ChatMessageView, body: string) => Promise<string | null>;
  onRetry: (clientId: string) => void;
  onDiscard: (clientId: string) => void;
}

/** Close enough to the bottom to count as "reading the latest". */
const STICKY_PX = 48;
/** Close enough to the top to fetch older messages. */
const HISTORY_PX = 64;

/**
 * The conversation, oldest at the top. It follows new messages while the member is at the
 * bottom, keeps their place while they read back, and fetches older messages as they
 * scroll up (or press the button, for keyboards).
 */
export function ChatMessageList(props: ChatMessageListProps) {
  const { snapshot, viewer, preferences } = props;
  const { t, refusal } = useChatWords();
  const { messages, pending, hasMore, loadingOlder } = snapshot;
  const logRef = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const fromBottom = useRef(0);
  const firstSeq = useRef<number | undefined>(undefined);
  const lastKey = useRef<string | undefined>(undefined);
  const [unseen, setUnseen] = useState(false);
  const hintId = useId();
  const rows = toRows(messages);
  const roving = useRovingList(rows.map((row) => row.key), hintId);

  const newestKey = pending.at(-1)?.clientId ?? rows.at(-1)?.key;

  useLayoutEffect(() => {
    const log = logRef.current;
    if (!log) return;
    const prepended = firstSeq.current !== undefined && messages[0]?.seq !== firstSeq.current && messages.some((m) => m.seq === firstSeq.current);
    const appended = newestKey !== lastKey.current;
    const mine = pending.length > 0 && appended && newestKey === pending.at(-1)?.clientId;
    firstSeq.current = messages[0]?.seq;
    lastKey.current = newestKey;
    if (prepended) {
      // Older messages came in above: keep the same messages in view.
      log.scrollTop = log.scrollHeight - log.clientHeight - fromBottom.current;
    } else if (appended && (atBottom.current || mine)) {
      log.scrollTop = log.scrollHeight;
    } else if (appended) {
      queueMicrotask(() => setUnseen(true));
    }
    fromBottom.current = log.scrollHeight - log.clientHeight - log.scrollTop;
  }, [messages, pending, newestKey]);

  function onScroll(event: UIEvent<HTMLDivElement>) {
    const log = event.currentTarget;
    fromBottom.current = log.scrollHeight - log.clientHeight - log.scrollTop;
    atBottom.current = fromBottom.current <= STICKY_PX;
    if (atBottom.current && unseen) setUnseen(false);
    if (log.scrollTop <= HISTORY_PX && hasMore && !loadingOlder) props.onLoadOlder();
  }

  function jumpToLatest() {
    const log = logRef.current;
    if (log) log.scrollTop = log.scrollHeight;
    setUnseen(false);
  }

  return (
    <div className="chat-log-frame">
      <div
        ref={logRef}
        className="chat-log"
        role="log"
        aria-label={t('chat.log.label')}
        aria-busy={loadingOlder}
        onScroll={onScroll}
      >
        <div className="chat-log__start">
          {hasMore ? (
            <button type="button" className="button button--small button--quiet" onClick={props.onLoadOlder} disabled={loadingOlder}>
              {t(loadingOlder ? 'chat.log.loadingOlder' : 'chat.log.loadOlder')}
            </button>
          ) : messages.length > 0 ? (
            <p className="muted">{t('chat.log.start')}</p>
          ) : null}
          {snapshot.historyProblem && <p className="field__error">{refusal(snapshot.historyProblem)}</p>}
        </div>
        {messages.length === 0 && pending.length === 0 ? (
          <p className="chat-log__empty muted">{t('chat.log.empty')}</p>
        ) : (
          // One tab stop for the whole conversation: arrow keys move between messages.
          <ol className="chat-messages" onKeyDown={roving.onKeyDown}>
            {rows.map((row) =>
              row.kind === 'hidden' ? (
                <HiddenNote key={row.key} count={row.count} roving={roving.itemProps(row.key)} />
              ) : (
                <ChatMessageItem
                  key={row.key}
                  message={row.message}
                  presentation={chatPresentation(row.message, preferences, viewer.id)}
                  own={row.message.author.id === viewer.id}
                  canModerate={props.canModerate}
                  canAct={props.canAct}
                  canMessage={props.canMessage}
                  reactions={props.reactionsFor?.(row.message)}
                  onAction={props.onAction}
                  onEdit={props.onEdit}
                  roving={roving.itemProps(row.key)}
                />
              ),
            )}
            {pending.map((p: PendingMessage) => (
              <PendingMessageItem key={p.clientId} pending={p} handle={viewer.handle} onRetry={props.onRetry} onDiscard={props.onDiscard} />
            ))}
          </ol>
        )}
      </div>
      <p id={hintId} className="visually-hidden">
        {t('chat.log.keys')}
      </p>
      {unseen && (
        <button type="button" className="button button--small chat-log__latest" onClick={jumpToLatest}>
          {t('chat.log.newBelow')}
        </button>
      )}
    </div>
  );
}

/** Where messages the member hides were: no author, words or topic, just how many. */
function HiddenNote({ count, roving: { bind, tabIndex, rovingKey, onFocus } }: { count: number; roving: RovingItemProps }) {
  const t = useT();
  return (
    <li ref={bind} className="chat-hidden-note" tabIndex={tabIndex} data-roving-key={rovingKey} onFocus={onFocus}>
      {t('chat.log.hidden', { count })}
    </li>
  );
}
