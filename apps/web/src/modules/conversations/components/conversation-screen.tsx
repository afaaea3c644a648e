import { useSession } from '../../auth/hooks/use-session';
import { useT } from '../../../shared/i18n/use-t';
import { useRouteNotice } from '../../../shared/lib/route-notice';
import { useDocumentTitle } from '../../../shared/lib/use-document-title';
import { AppLink } from '../../../shared/ui/app-link';
import { ErrorState, LoadingState } from '../../../shared/ui/query-state';
import { PauseButton } from '../../safety/components/pause-button';
import { useConversation } from '../hooks/use-conversations';
import { useConversationTitle } from '../lib/conversation-names';
import { ConversationChat } from './conversation-chat';
import { ConversationRequest } from './conversation-request';
import './conversations.css';

/** One conversation: a request to answer, or the conversation itself. */
export function ConversationScreen({ id }: { id: string }) {
  const t = useT();
  const { user } = useSession();
  const conversation = useConversation(id);
  const title = useConversationTitle();
  const notice = useRouteNotice();
  const heading = conversation.data ? t('conversations.with', { names: title(conversation.data) }) : t('conversations.title');
  useDocumentTitle(heading);
  return (
    <div className="page conversation-page">
      <p>
        <AppLink to="/messages">{t('conversations.backToInbox')}</AppLink>
      </p>
      <div className="chat__head">
        <h1>{heading}</h1>
        <PauseButton context={t('chat.pauseContext')} />
      </div>
      {conversation.data?.fromTeam && <p className="conversation-team">{t('conversations.fromTeam')}</p>}
      <div role="status">{notice && <p className="notice notice--success">{notice}</p>}</div>
      {conversation.isPending || !user ? (
        <LoadingState label={t('conversations.loadingOne')} />
      ) : conversation.isError ? (
        <ErrorState error={conversation.error} onRetry={() => void conversation.refetch()} />
      ) : conversation.data.standing === 'request' ? (
        <ConversationRequest conversation={conversation.data} viewer={user} />
      ) : (
        <ConversationChat key={conversation.data.id} conversation={conversation.data} viewer={user} />
      )}
    </div>
  );
}
