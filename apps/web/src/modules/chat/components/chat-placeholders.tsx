import { useT } from '../../../shared/i18n/use-t';

/**
 * The chat's shape before it can show anything: the log's and the composer's space are kept
 * from the first paint, so nothing below them moves when they arrive (layout shift).
 */
export function ChatBodyPlaceholder({ canPost }: { canPost: boolean }) {
  const t = useT();
  return (
    <>
      <div role="status" className="chat-banner-slot">
        <p className="chat-banner">{t('chat.connecting')}</p>
      </div>
      <ChatLogPlaceholder />
      <p className="chat-typing" aria-hidden="true" />
      {canPost && <div className="chat-composer-space" aria-hidden="true" />}
    </>
  );
}

export function ChatLogPlaceholder({ text }: { text?: string }) {
  return (
    <div className="chat-log-frame">
      <div className="chat-log">{text && <p className="chat-log__empty muted">{text}</p>}</div>
    </div>
  );
}
