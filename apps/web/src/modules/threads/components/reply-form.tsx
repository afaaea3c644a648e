import type { PostStatus } from '@kindred/contracts';
import { POST_BODY_MAX_LENGTH } from '@kindred/contracts';
import type { FormEvent } from 'react';
import { useRef, useState } from 'react';
import { clearDrafts, useDraft } from '../../../shared/lib/drafts';
import { useFormSubmission } from '../../../shared/lib/use-form-submission';
import { ErrorSummary } from '../../../shared/ui/error-summary';
import { WarningNudge } from '../../content-warnings/components/warning-nudge';
import { WarningPicker } from '../../content-warnings/components/warning-picker';
import { useChoiceProblem } from '../../content-warnings/hooks/use-choice-problem';
import { choiceAsView, choiceFromInput, initialChoice, needsNudge, toWarningInput, withCategory } from '../../content-warnings/lib/warning-choice';
import { DraftControls } from '../../drafts/components/draft-controls';
import { useDraftSync } from '../../drafts/hooks/use-draft-sync';
import { ComposeCheckPanel } from '../../compose-check/components/compose-check-panel';
import { useComposeCheck } from '../../compose-check/hooks/use-compose-check';
import { useRoom } from '../../rooms/hooks/use-rooms';
import { CrisisSupportPanel } from '../../safety/components/crisis-support-panel';
import { showCrisisSupport } from '../../safety/lib/crisis-support';
import { useCreatePost, useThread } from '../hooks/use-thread';
import { useWarningOffer } from '../hooks/use-warning-offer';
import { replyDraftKey, replyTargetKey, type ReplyTarget } from '../lib/draft-keys';
import { warningFieldError } from '../lib/form-errors';
import { ReplyTargetNote } from './reply-target-note';
import { MarkdownComposer } from './markdown-composer';
import { useT } from '../../../shared/i18n/use-t';
import { T } from '../../../shared/i18n/t';

export function ReplyForm({ threadId }: { threadId: string }) {
  const t = useT();
  const choiceProblem = useChoiceProblem();
  const form = useFormSubmission();
  const create = useCreatePost(threadId);
  const warningOffer = useWarningOffer();
  const draftKey = replyDraftKey(threadId);
  const [body, setBody] = useDraft(`${draftKey}body`, () => '');
  const [warning, setWarning] = useDraft(`${draftKey}warning`, () => initialChoice());
  const [replyTo, setReplyTo] = useDraft<ReplyTarget | null>(replyTargetKey(threadId), () => null);
  const hasWords = body.trim() !== '';
  const sync = useDraftSync({
    kind: 'reply',
    targetId: threadId,
    content: hasWords ? { body, warning: toWarningInput(warning), replyToPostId: replyTo?.postId ?? null } : null,
    restore: (draft) => {
      setBody(draft.body);
      setWarning(choiceFromInput(draft.warning));
      setReplyTo(draft.replyToPostId ? { postId: draft.replyToPostId, handle: null } : null);
    },
  });
  const [posted, setPosted] = useState<PostStatus | null>(null);
  // Both already loaded by the thread page; read here from the cache.
  const roomId = useThread(threadId).data?.roomId;
  const room = useRoom(roomId);
  const required = !!room.data?.requireContentWarning;
  const warningError = warningFieldError(form.fieldErrors);
  const chosen = warning.categories.length;
  const nudge = needsNudge(warning, body, required);
  const formRef = useRef<HTMLFormElement>(null);
  const checked = useComposeCheck({ kind: 'reply', placeId: roomId, text: body, chosenWarnings: warning.categories });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPosted(null);
    const problems: Record<string, string> = {};
    if (!body.trim()) problems.body = t('threads.reply.empty');
    const warningProblem = choiceProblem(warning, required);
    if (warningProblem) problems.warning = warningProblem;
    const post = await form.submit(problems, async () => {
      await sync.beforeSend();
      return create.mutateAsync({ body, warning: toWarningInput(warning), ...(replyTo ? { replyToPostId: replyTo.postId } : {}) });
    });
    sync.afterSend(!!post);
    if (post) {
      showCrisisSupport(post.support, 'reply', roomId ? warningOffer(post, threadId, roomId) : undefined);
      clearDrafts(draftKey);
      setPosted(post.status);
    }
  }

  return (
    <form ref={formRef} className="form form--wide composer-form" onSubmit={onSubmit} onBlur={sync.flush} noValidate aria-busy={form.pending}>
      <h2 id="reply-heading">{t('threads.reply.heading')}</h2>
      <ErrorSummary key={form.attempt} title={t('threads.reply.errorTitle')} messages={form.summary} />
      <div role="status" className="reply-status">
        {posted === 'pending' && (
          <p className="pending-notice">
            <T id="threads.reply.pending" components={{ strong: <strong /> }} />
          </p>
        )}
        {posted === 'published' && <p className="notice notice--success">{t('threads.reply.posted')}</p>}
      </div>
      <CrisisSupportPanel source="reply" headingLevel={3} />
      {replyTo && <ReplyTargetNote target={replyTo} onClear={() => setReplyTo(null)} />}
      <MarkdownComposer
        id="reply-body"
        label={t('threads.reply.label')}
        value={body}
        onChange={setBody}
        error={form.fieldErrors.body}
        maxLength={POST_BODY_MAX_LENGTH}
        warning={choiceAsView(warning)}
        describedBy={replyTo ? 'reply-target' : undefined}
        rows={5}
        mentionRoomId={roomId}
      />
      <details className="composer__warnings" open={warningError ? true : undefined}>
        <summary>
          {t('cw.picker.legend')}{' '}
          {chosen > 0
            ? t('threads.reply.warningsChosen', { count: chosen })
            : t(warning.noneApply ? 'threads.reply.warningsNone' : required ? 'threads.reply.warningsNeeded' : 'cw.optional')}
        </summary>
        <WarningPicker idPrefix="reply" value={warning} onChange={setWarning} required={required} error={warningError} />
      </details>
      {nudge && <WarningNudge id="reply-warning-nudge" />}
      <ComposeCheckPanel
        idPrefix="reply"
        checked={checked}
        chosenWarnings={warning.categories}
        onAddWarning={(category) => setWarning((current) => withCategory(current, category))}
        onEdit={() => document.getElementById('reply-body')?.focus()}
        onSendAsIs={() => formRef.current?.requestSubmit()}
      />
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={form.pending} aria-describedby={nudge ? 'reply-warning-nudge' : undefined}>
          {t(form.pending ? 'threads.posting' : 'threads.reply.submit')}
        </button>
        <DraftControls idPrefix="reply" sync={sync} hasWords={hasWords} onDiscarded={() => clearDrafts(draftKey)} />
      </div>
    </form>
  );
}
