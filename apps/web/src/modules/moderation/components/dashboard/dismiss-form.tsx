import type { FormEvent } from 'react';
import { useId, useState } from 'react';
import type { QueueItem } from '../../api/moderation-api';
import { useDismiss } from '../../hooks/use-moderation';
import { CANNED_REASONS, composeReason, emptyReason, reasonProblem } from '../../../moderator-reasons/lib/reasons';
import { ReasonField } from '../../../moderator-reasons/components/reason-field';
import { QueueFormFooter } from './queue-form-footer';

/** Close an item without acting. The reason stays in the log; reporters hear the outcome. */
export function DismissForm({ item, onDone, onCancel }: { item: QueueItem; onDone: (message: string) => void; onCancel: () => void }) {
  const id = useId();
  const dismiss = useDismiss();
  const [reason, setReason] = useState(emptyReason(CANNED_REASONS.at(-1)));
  const [outcome, setOutcome] = useState('');
  const [problem, setProblem] = useState<string | undefined>(undefined);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = reasonProblem(reason);
    setProblem(found);
    if (found) return;
    dismiss
      .mutateAsync({ id: item.id, reason: composeReason(reason), ...(outcome.trim() ? { outcome: outcome.trim() } : {}) })
      .then(() => onDone('Dismissed. Anyone who reported it hears that no action was needed.'))
      .catch(() => undefined);
  }

  return (
    <form className="queue-form" onSubmit={onSubmit} noValidate aria-busy={dismiss.isPending}>
      <ReasonField idPrefix={id} value={reason} onChange={setReason} error={problem} audience="Kept in the moderation log. It is not sent to the member." />
      {item.reports.length > 0 && (
        <div className="field field--compact">
          <label htmlFor={`${id}-outcome`} className="field__label field__label--small">
            A note for the people who reported it <span className="field__optional">(optional)</span>
          </label>
          <input id={`${id}-outcome`} className="field__input" value={outcome} maxLength={500} onChange={(event) => setOutcome(event.target.value)} />
        </div>
      )}
      <QueueFormFooter error={dismiss.isError ? dismiss.error : undefined} pending={dismiss.isPending} submitLabel="Dismiss" onCancel={onCancel} />
    </form>
  );
}
