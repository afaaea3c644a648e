import { lazyOnOpen } from '../../../shared/ui/lazy-on-open';

/** Loaded the first time someone asks a member for a conversation, not with the room page. */
export const LazyStartConversationDialog = lazyOnOpen(() => import('./start-conversation-dialog').then((m) => m.StartConversationDialog));
