import type { PostView } from '@kindred/contracts';
import { POST_BODY_MAX_LENGTH } from '@kindred/contracts';
import type { FormEvent } from 'react';
import { useEffect, useRef, useState } from 'react';
import { useFormSubmission } from '../../../shared/lib/use-form-submission';
import { ErrorSummary } from '../../../shared/ui/error-summary';
import { WarningPicker } from '../../content-warnings/components/warning-picker';
import { useChoiceProblem } from '../../content-warnings/hooks/use-choice-problem';
import { choiceAsView, choiceFromView, toWarningInput } from '../../content-warnings/lib/warning-choice';
import { showCrisisSupport } from '../../safety/lib/crisis-support';
import { useEditPost } from '../hooks/use-thread';
import { warningFieldError } from '../lib/form-errors';
import { MarkdownComposer } from './markdown-composer';
import { useT } from '../../../shared/i18n/use-t';

interface EditPostFormProps {
  post: PostView;
  onDone: () => void;
}

export function EditPostForm({ post, onDone }: EditPostFormProps) {
  const t = useT();
  const choiceProblem = useChoiceProblem();
  const form = useFormSubmission();
  const edit = useEditPost(post.threadId);
  const [body, setBody] = useState(post.body);
  const [warning, setWarning] = useState(() => choiceFromView(post.warning));
  const rootRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    rootRef.current?.querySelector('textarea')?.focus();
  }, []);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!body.trim()) problems.body = t('threads.edit.empty');
    const warningProblem = choiceProblem(warning, false);
    if (warningProblem) problems.warning = warningProblem;
    // An empty choice on edit means "no warning": send it explicitly so old ones are cleared.
    const saved = await form.submit(problems, () =>
      edit.mutateAsync({ postId: post.id, body: { body, warning: toWarningInput(warning) ?? { categories: [] } } }),
    );
    if (saved) {
      if (saved.kind === 'post') showCrisisSupport(saved.support, 'page');
      onDone();
    }
  }

  return (
    <form ref={rootRef} className="form form--wide" onSubmit={onSubmit} noValidate aria-busy={form.pending}>
      <ErrorSummary key={form.attempt} title={t('threads.edit.errorTitle')} messages={form.summary} />
      <MarkdownComposer
        id={`edit-${post.id}`}
        label={t('threads.edit.label')}
        value={body}
        onChange={setBody}
        error={form.fieldErrors.body}
        maxLength={POST_BODY_MAX_LENGTH}
        warning={choiceAsView(warning)}
      />
      <WarningPicker idPrefix={`edit-${post.id}`} value={warning} onChange={setWarning} error={warningFieldError(form.fieldErrors)} />
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={form.pending}>
          {t(form.pending ? 'threads.saving' : 'threads.edit.save')}
        </button>
        <button type="button" className="button" onClick={onDone}>
          {t('threads.cancel')}
        </button>
      </div>
    </form>
  );
}
