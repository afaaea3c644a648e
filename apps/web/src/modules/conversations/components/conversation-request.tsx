import type { ConversationView } from '@kindred/contracts';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useErrorText } from '../../../shared/i18n/error-text';
import { useT } from '../../../shared/i18n/use-t';
import { LazyReportDialog } from '../../reports/components/lazy-report-dialog';
import { BlockMemberDialog } from '../../safety/components/block-member-dialog';
import { useAcceptConversation, useDeclineConversation } from '../hooks/use-conversations';
import { StaticMessages } from './static-messages';

/**
 * A request: who is asking and their first message, folded behind the reader's own warning
 * choices. Nothing else from them arrives until it is accepted; declining is silent.
 */
export function ConversationRequest({ conversation, viewer }: { conversation: ConversationView; viewer: { id: string; handle: string } }) {
  const t = useT();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const accept = useAcceptConversation();
  const decline = useDeclineConversation();
  const [step, setStep] = useState<'ask' | 'block' | 'report'>('ask');
  const sender = conversation.startedBy;
  const first = conversation.items.find((item) => item.kind === 'message');
  const problem = accept.error ?? decline.error;
  const toInbox = (notice: string) => navigate('/messages', { replace: true, state: { notice } });

  return (
    <section aria-labelledby="request-heading" className="conversation-request">
      <h2 id="request-heading">{sender ? t('conversations.request.from', { handle: sender.handle }) : t('conversations.request.fromTeam')}</h2>
      <p className="muted">{t('conversations.request.lead')}</p>
      <StaticMessages items={conversation.items} viewer={viewer} />
      <div className="button-row">
        <button type="button" className="button button--primary" disabled={accept.isPending} onClick={() => accept.mutate(conversation.id)}>
          {t('conversations.request.accept')}
        </button>
        <button
          type="button"
          className="button"
          disabled={decline.isPending}
          onClick={() => decline.mutate(conversation.id, { onSuccess: () => toInbox(t('conversations.request.declined')) })}
        >
          {t('conversations.request.decline')}
        </button>
        {sender && (
          <button type="button" className="button button--quiet" onClick={() => setStep('block')}>
            {t('conversations.request.blockAndReport')}
          </button>
        )}
      </div>
      {problem && (
        <p className="field__error" role="alert">
          {errorText(problem)}
        </p>
      )}
      {sender && step === 'block' && (
        <BlockMemberDialog handle={sender.handle} open onClose={() => setStep((s) => (s === 'block' ? 'ask' : s))} onBlocked={() => setStep('report')} />
      )}
      {sender && step === 'report' && (
        <LazyReportDialog
          targets={[
            ...(first ? [{ type: 'message' as const, id: first.id, label: t('conversations.report.firstMessage') }] : []),
            { type: 'member' as const, id: sender.id, label: t('chat.report.member', { handle: sender.handle }) },
          ]}
          onClose={() => toInbox(t('chat.blocked', { handle: sender.handle }))}
        />
      )}
    </section>
  );
}
