import type { PostStatus } from '@kindred/contracts';
import { POST_BODY_MAX_LENGTH } from '@kindred/contracts';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { clearDrafts, useDraft } from '../../../shared/lib/drafts';
import { useFormSubmission } from '../../../shared/lib/use-form-submission';
import { ErrorSummary } from '../../../shared/ui/error-summary';
import { WarningNudge } from '../../content-warnings/components/warning-nudge';
import { WarningPicker } from '../../content-warnings/components/warning-picker';
import { choiceProblem, initialChoice, needsNudge, toWarningInput } from '../../content-warnings/lib/warning-choice';
import { useRoom } from '../../rooms/hooks/use-rooms';
import { CrisisSupportPanel } from '../../safety/components/crisis-support-panel';
import { showCrisisSupport } from '../../safety/lib/crisis-support';
import { useCreatePost, useThread } from '../hooks/use-thread';
import { warningFieldError } from '../lib/form-errors';
import { MarkdownComposer } from './markdown-composer';

export function ReplyForm({ threadId }: { threadId: string }) {
  const form = useFormSubmission();
  const create = useCreatePost(threadId);
  const draftKey = `reply:${threadId}:`;
  const [body, setBody] = useDraft(`${draftKey}body`, () => '');
  const [warning, setWarning] = useDraft(`${draftKey}warning`, () => initialChoice());
  const [posted, setPosted] = useState<PostStatus | null>(null);
  // Both already loaded by the thread page; read here from the cache.
  const room = useRoom(useThread(threadId).data?.roomId);
  const required = !!room.data?.requireContentWarning;
  const warningError = warningFieldError(form.fieldErrors);
  const chosen = warning.categories.length;
  const nudge = needsNudge(warning, body, required);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPosted(null);
    const problems: Record<string, string> = {};
    if (!body.trim()) problems.body = 'Please write your reply first.';
    const warningProblem = choiceProblem(warning, required);
    if (warningProblem) problems.warning = warningProblem;
    const post = await form.submit(problems, () => create.mutateAsync({ body, warning: toWarningInput(warning) }));
    if (post) {
      showCrisisSupport(post.support, 'reply');
      clearDrafts(draftKey);
      setPosted(post.status);
    }
  }

  return (
    <form className="form form--wide composer-form" onSubmit={onSubmit} noValidate aria-busy={form.pending}>
      <h2 id="reply-heading">Reply</h2>
      <ErrorSummary key={form.attempt} title="Your reply is not posted yet" messages={form.summary} />
      <div role="status" className="reply-status">
        {posted === 'pending' && (
          <p className="pending-notice">
            <strong>Waiting for review</strong> — your reply is saved. Only you and the moderators can see it
            until a moderator has looked at it.
          </p>
        )}
        {posted === 'published' && <p className="notice notice--success">Your reply is posted. Thank you for being here.</p>}
      </div>
      <CrisisSupportPanel source="reply" headingLevel={3} />
      <MarkdownComposer
        id="reply-body"
        label="Your reply"
        value={body}
        onChange={setBody}
        error={form.fieldErrors.body}
        maxLength={POST_BODY_MAX_LENGTH}
        rows={5}
      />
      <details className="composer__warnings" open={warningError ? true : undefined}>
        <summary>
          Content warnings {chosen > 0 ? `(${chosen} chosen)` : warning.noneApply ? '(none apply)' : required ? '(a choice is needed here)' : '(optional)'}
        </summary>
        <WarningPicker idPrefix="reply" value={warning} onChange={setWarning} required={required} error={warningError} />
      </details>
      {nudge && <WarningNudge id="reply-warning-nudge" />}
      <button type="submit" className="button button--primary" disabled={form.pending} aria-describedby={nudge ? 'reply-warning-nudge' : undefined}>
        {form.pending ? 'Posting…' : 'Post reply'}
      </button>
    </form>
  );
}
