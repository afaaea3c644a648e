import { useParams } from 'react-router';
import { ConversationScreen } from '../modules/conversations/components/conversation-screen';

export function ConversationPage() {
  const { conversationId = '' } = useParams();
  return <ConversationScreen key={conversationId} id={conversationId} />;
}
