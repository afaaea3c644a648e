import type { ConversationSummary } from '@kindred/contracts';
import { useT } from '../../../shared/i18n/use-t';
import { AppLink } from '../../../shared/ui/app-link';
import { ErrorState, LoadingState } from '../../../shared/ui/query-state';
import { TimeAgo } from '../../../shared/ui/time-ago';
import { useInbox } from '../hooks/use-conversations';
import { useConversationTitle } from '../lib/conversation-names';
import './conversations.css';

/** Requests wait apart from conversations, so nothing unasked-for sits among them. */
export function ConversationInbox() {
  const t = useT();
  const inbox = useInbox();
  if (inbox.isPending) return <LoadingState label={t('conversations.loading')} />;
  if (inbox.isError) return <ErrorState error={inbox.error} onRetry={() => void inbox.refetch()} />;
  const { requests, conversations } = inbox.data;
  return (
    <>
      <section aria-labelledby="requests-heading" className="inbox-section">
        <h2 id="requests-heading">{t('conversations.requests.heading')}</h2>
        <p className="muted">{t('conversations.requests.lead')}</p>
        {requests.length === 0 ? <p className="muted">{t('conversations.requests.none')}</p> : <InboxList items={requests} />}
      </section>
      <section aria-labelledby="conversations-heading" className="inbox-section">
        <h2 id="conversations-heading">{t('conversations.heading')}</h2>
        {conversations.length === 0 ? <p className="muted">{t('conversations.none')}</p> : <InboxList items={conversations} />}
      </section>
    </>
  );
}

function InboxList({ items }: { items: ConversationSummary[] }) {
  const t = useT();
  const title = useConversationTitle();
  return (
    <ul className="inbox-list">
      {items.map((c) => (
        <li key={c.id} className="inbox-item">
          <AppLink to={`/messages/${c.id}`} className="inbox-item__link">
            <span className="inbox-item__name">{title(c)}</span>
            {c.unread > 0 && (
              <span className="count-badge">
                {c.unread}
                <span className="visually-hidden"> {t('conversations.unread')}</span>
              </span>
            )}
          </AppLink>
          <span className="inbox-item__meta muted">
            {c.fromTeam && <span>{t('conversations.fromTeam')} · </span>}
            {c.standing === 'pending' && <span>{t('conversations.pending')} · </span>}
            {c.muted && <span>{t('conversations.muted')} · </span>}
            <TimeAgo iso={c.lastActivityAt} />
          </span>
        </li>
      ))}
    </ul>
  );
}
