import type { RoomDetail, ThreadDetail } from '@kindred/contracts';
import { POST_BODY_MAX_LENGTH, THREAD_TITLE_MAX_LENGTH } from '@kindred/contracts';
import type { FormEvent } from 'react';
import { useEffect, useRef } from 'react';
import { clearDrafts, useDraft } from '../../../shared/lib/drafts';
import { useFormSubmission } from '../../../shared/lib/use-form-submission';
import { ErrorSummary } from '../../../shared/ui/error-summary';
import { FormField } from '../../../shared/ui/form-field';
import { WarningNudge } from '../../content-warnings/components/warning-nudge';
import { WarningPicker } from '../../content-warnings/components/warning-picker';
import { useChoiceProblem } from '../../content-warnings/hooks/use-choice-problem';
import { choiceAsView, choiceFromInput, initialChoice, needsNudge, toWarningInput, withCategory } from '../../content-warnings/lib/warning-choice';
import { DraftControls } from '../../drafts/components/draft-controls';
import { useDraftSync } from '../../drafts/hooks/use-draft-sync';
import { ComposeCheckPanel } from '../../compose-check/components/compose-check-panel';
import { useComposeCheck } from '../../compose-check/hooks/use-compose-check';
import { useCreateThread } from '../hooks/use-threads';
import { warningFieldError } from '../lib/form-errors';
import { MarkdownComposer } from './markdown-composer';
import { useT } from '../../../shared/i18n/use-t';
import { newThreadDraftKey } from '../lib/draft-keys';

interface NewThreadFormProps {
  room: RoomDetail;
  /** Closed with "Not now" or open; the draft survives either way. */
  active: boolean;
  onCreated: (thread: ThreadDetail) => void;
  onCancel: () => void;
}

/**
 * Starting a thread. On any refusal (slow mode, a missing warning choice) the words stay
 * in the boxes: losing something hard to write is the worst outcome here.
 */
export function NewThreadForm({ room, active, onCreated, onCancel }: NewThreadFormProps) {
  const t = useT();
  const choiceProblem = useChoiceProblem();
  const form = useFormSubmission();
  const create = useCreateThread(room.id);
  const draftKey = newThreadDraftKey(room.id);
  const [title, setTitle] = useDraft(`${draftKey}title`, () => '');
  const [body, setBody] = useDraft(`${draftKey}body`, () => '');
  const [warning, setWarning] = useDraft(`${draftKey}warning`, () => initialChoice(room.defaultWarnings));
  const hasWords = title.trim() !== '' || body.trim() !== '';
  const sync = useDraftSync({
    kind: 'thread',
    targetId: room.id,
    content: hasWords ? { title, body, warning: toWarningInput(warning) } : null,
    restore: (draft) => {
      setTitle(draft.title ?? '');
      setBody(draft.body);
      setWarning(choiceFromInput(draft.warning));
    },
  });
  const titleRef = useRef<HTMLInputElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const checked = useComposeCheck({ kind: 'thread', placeId: active ? room.id : undefined, text: body, title, chosenWarnings: warning.categories });
  const nudge = needsNudge(warning, body, room.requireContentWarning);

  useEffect(() => {
    if (active) titleRef.current?.focus();
  }, [active]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!title.trim()) problems.title = t('threads.new.titleMissing');
    if (!body.trim()) problems.body = t('threads.new.bodyMissing');
    const warningProblem = choiceProblem(warning, room.requireContentWarning);
    if (warningProblem) problems.warning = warningProblem;
    const thread = await form.submit(problems, async () => {
      await sync.beforeSend();
      return create.mutateAsync({ title: title.trim(), body, warning: toWarningInput(warning) });
    });
    sync.afterSend(!!thread);
    if (thread) {
      clearDrafts(draftKey);
      onCreated(thread);
    }
  }

  return (
    <form ref={formRef} className="form form--wide composer-form" onSubmit={onSubmit} onBlur={sync.flush} noValidate aria-busy={form.pending}>
      <ErrorSummary key={form.attempt} title={t('threads.new.errorTitle')} messages={form.summary} />
      <FormField
        ref={titleRef}
        id="thread-title"
        label={t('threads.new.title')}
        value={title}
        onChange={setTitle}
        error={form.fieldErrors.title}
        maxLength={THREAD_TITLE_MAX_LENGTH}
        autoComplete="off"
        required
      />
      <MarkdownComposer
        id="thread-body"
        label={t('threads.new.body')}
        value={body}
        onChange={setBody}
        error={form.fieldErrors.body}
        maxLength={POST_BODY_MAX_LENGTH}
        warning={choiceAsView(warning)}
        rows={8}
        mentionRoomId={room.id}
      />
      <WarningPicker
        idPrefix="thread"
        value={warning}
        onChange={setWarning}
        required={room.requireContentWarning}
        error={warningFieldError(form.fieldErrors)}
      />
      {nudge && <WarningNudge id="thread-warning-nudge" />}
      <ComposeCheckPanel
        idPrefix="thread"
        checked={checked}
        chosenWarnings={warning.categories}
        onAddWarning={(category) => setWarning((current) => withCategory(current, category))}
        onEdit={() => document.getElementById('thread-body')?.focus()}
        onSendAsIs={() => formRef.current?.requestSubmit()}
      />
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={form.pending} aria-describedby={nudge ? 'thread-warning-nudge' : undefined}>
          {t(form.pending ? 'threads.posting' : 'threads.new.submit')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('threads.new.notNow')}
        </button>
        <DraftControls idPrefix="thread" sync={sync} hasWords={hasWords} onDiscarded={() => clearDrafts(draftKey)} />
      </div>
    </form>
  );
}
