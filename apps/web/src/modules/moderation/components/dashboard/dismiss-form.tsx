import type { FormEvent } from 'react';
import { useId, useState } from 'react';
import { useT } from '../../../../shared/i18n/use-t';
import type { QueueItem } from '../../api/moderation-api';
import { useDismiss } from '../../hooks/use-moderation';
import { composeReason, emptyReason, reasonProblem } from '../../../moderator-reasons/lib/reasons';
import { ReasonField } from '../../../moderator-reasons/components/reason-field';
import { QueueFormFooter } from './queue-form-footer';

/** Close an item without acting. The reason stays in the log; reporters hear the outcome. */
export function DismissForm({ item, onDone, onCancel }: { item: QueueItem; onDone: (message: string) => void; onCancel: () => void }) {
  const id = useId();
  const t = useT();
  const dismiss = useDismiss();
  const [reason, setReason] = useState(emptyReason('withinGuidelines'));
  const [outcome, setOutcome] = useState('');
  const [problem, setProblem] = useState<string | undefined>(undefined);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = reasonProblem(reason, t);
    setProblem(found);
    if (found) return;
    dismiss
      .mutateAsync({ id: item.id, reason: composeReason(reason, t), ...(outcome.trim() ? { outcome: outcome.trim() } : {}) })
      .then(() => onDone(t('moderation.done.dismissed')))
      .catch(() => undefined);
  }

  return (
    <form className="queue-form" onSubmit={onSubmit} noValidate aria-busy={dismiss.isPending}>
      <ReasonField idPrefix={id} value={reason} onChange={setReason} error={problem} audience={t('moderation.dismiss.audience')} />
      {item.reports.length > 0 && (
        <div className="field field--compact">
          <label htmlFor={`${id}-outcome`} className="field__label field__label--small">
            {t('moderation.act.outcome')} <span className="field__optional">{t('common.optional')}</span>
          </label>
          <input id={`${id}-outcome`} className="field__input" value={outcome} maxLength={500} onChange={(event) => setOutcome(event.target.value)} />
        </div>
      )}
      <QueueFormFooter error={dismiss.isError ? dismiss.error : undefined} pending={dismiss.isPending} submitLabel={t('moderation.dismiss.submit')} onCancel={onCancel} />
    </form>
  );
}
