import type { MessageId } from '../../../shared/i18n/message-id';
import { T } from '../../../shared/i18n/t';

const NOTICE: Record<'thread' | 'post' | 'reply', MessageId> = {
  thread: 'threads.pending.thread',
  post: 'threads.pending.post',
  reply: 'threads.pending.reply',
};

/** Held content is never a silent disappearance: its author always sees why. */
export function PendingNotice({ what }: { what: 'thread' | 'post' | 'reply' }) {
  return (
    <p className="pending-notice">
      <T id={NOTICE[what]} components={{ strong: <strong /> }} />
    </p>
  );
}
