import type { FormEvent, ReactNode } from 'react';
import { useId, useState } from 'react';
import { useT } from '../../../shared/i18n/use-t';
import { Dialog } from '../../../shared/ui/dialog';
import { composeReason, emptyReason, reasonProblem } from '../lib/reasons';
import { ReasonField } from './reason-field';

interface ReasonDialogProps {
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  /** Offer a duration choice (mutes). */
  durations?: { minutes: number; label: string }[];
  onSubmit: (reason: string, minutes: number | undefined) => Promise<string | null>;
  onClose: () => void;
}

/** A moderator action that needs a reason (and sometimes a duration) before it happens. */
export function ReasonDialog({ title, children, confirmLabel, durations, onSubmit, onClose }: ReasonDialogProps) {
  const id = useId();
  const t = useT();
  const [reason, setReason] = useState(emptyReason());
  const [minutes, setMinutes] = useState(durations?.[1]?.minutes ?? durations?.[0]?.minutes);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = reasonProblem(reason, t);
    setProblem(found);
    if (found) return;
    setPending(true);
    setError(null);
    const failure = await onSubmit(composeReason(reason, t), minutes);
    setPending(false);
    if (failure) setError(failure);
    else onClose();
  }

  return (
    <Dialog open onClose={onClose} title={title}>
      <form onSubmit={submit} noValidate aria-busy={pending}>
        {children}
        {durations && (
          <div className="field field--compact">
            <label htmlFor={`${id}-duration`} className="field__label">
              {t('reasons.howLong')}
            </label>
            <select id={`${id}-duration`} className="field__input" value={minutes} onChange={(event) => setMinutes(Number(event.target.value))}>
              {durations.map((d) => (
                <option key={d.minutes} value={d.minutes}>
                  {d.label}
                </option>
              ))}
            </select>
          </div>
        )}
        <ReasonField idPrefix={id} value={reason} onChange={setReason} error={problem} />
        {error && (
          <p className="field__error" role="alert">
            {error}
          </p>
        )}
        <div className="button-row">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={pending}>
            {pending ? t('common.oneMoment') : confirmLabel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
