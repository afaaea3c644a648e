import { ConversationInbox } from '../modules/conversations/components/conversation-inbox';
import { useRouteNotice } from '../shared/lib/route-notice';
import { useDocumentTitle } from '../shared/lib/use-document-title';
import { useT } from '../shared/i18n/use-t';

export function MessagesPage() {
  const t = useT();
  const notice = useRouteNotice();
  useDocumentTitle(t('header.messages'));
  return (
    <div className="page">
      <h1>{t('header.messages')}</h1>
      <p className="lead">{t('conversations.lead')}</p>
      <div role="status">{notice && <p className="notice notice--success">{notice}</p>}</div>
      <ConversationInbox />
    </div>
  );
}
