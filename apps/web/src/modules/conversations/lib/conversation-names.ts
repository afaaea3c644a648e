import type { ConversationSummary } from '@kindred/contracts';
import { useCallback } from 'react';
import { useAuthorName } from '../../../shared/i18n/author-name';
import { useT } from '../../../shared/i18n/use-t';

/** Who a conversation is with, as the viewer may see them: the team's name for a moderator writing as the team. */
export function useConversationTitle(): (conversation: Pick<ConversationSummary, 'others'>) => string {
  const t = useT();
  const authorName = useAuthorName();
  return useCallback(
    (conversation) => {
      const names = conversation.others.map((o) => (o.team || !o.member ? t('author.moderationTeam') : authorName(o.member)));
      return names.length > 0 ? names.join(', ') : t('conversations.nobodyElse');
    },
    [t, authorName],
  );
}
