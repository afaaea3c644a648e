import type { ReportCategory, ReportTargetType } from '@kindred/contracts';
import { REPORT_CATEGORY_LABELS, REPORT_NOTE_MAX_LENGTH, ReportCategory as Categories } from '@kindred/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useId, useState } from 'react';
import { toDisplayError } from '../../../shared/lib/api-client';
import { Dialog } from '../../../shared/ui/dialog';
import { TextareaField } from '../../../shared/ui/textarea-field';
import { createReport } from '../api/reports-api';
import { MY_REPORTS_QUERY_KEY } from '../hooks/use-my-reports';

export interface ReportTarget {
  type: ReportTargetType;
  id: string;
  /** "This message", "sage's conduct in general"… */
  label: string;
}

interface ReportDialogProps {
  targets: ReportTarget[];
  onClose: () => void;
}

const CATEGORIES = Object.values(Categories);

/**
 * Reporting is private and quick: what is wrong, an optional note, and a clear word about
 * what happens next. Mount it when needed; it starts fresh every time.
 */
export function ReportDialog({ targets, onClose }: ReportDialogProps) {
  const id = useId();
  const client = useQueryClient();
  const [targetIndex, setTargetIndex] = useState(0);
  const [category, setCategory] = useState<ReportCategory | ''>('');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const report = useMutation({
    mutationFn: createReport,
    onSuccess: () => client.invalidateQueries({ queryKey: MY_REPORTS_QUERY_KEY }),
  });
  const target = targets[targetIndex] ?? targets[0]!;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!category) {
      setProblem('Please choose what is wrong.');
      return;
    }
    setProblem(undefined);
    report.mutate({ targetType: target.type, targetId: target.id, category, ...(note.trim() ? { note: note.trim() } : {}) });
  }

  if (report.isSuccess) {
    return (
      <Dialog open onClose={onClose} title="Thank you for telling us">
        <div role="status">
          <p>A moderator will look at this soon. Nobody else is told that you reported it.</p>
          <p>You can follow what happens under Settings, in “Your reports”.</p>
        </div>
        <div className="button-row">
          <button type="button" className="button button--primary" onClick={onClose}>
            Close
          </button>
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog open onClose={onClose} title="Report to the moderators">
      <form onSubmit={onSubmit} noValidate aria-busy={report.isPending}>
        {targets.length > 1 && (
          <fieldset className="choice-group">
            <legend className="field__label">What would you like to report?</legend>
            {targets.map((t, index) => (
              <div key={`${t.type}-${t.id}`} className="check">
                <input
                  id={`${id}-target-${index}`}
                  type="radio"
                  name={`${id}-target`}
                  checked={index === targetIndex}
                  onChange={() => setTargetIndex(index)}
                />
                <label htmlFor={`${id}-target-${index}`}>{t.label}</label>
              </div>
            ))}
          </fieldset>
        )}
        <fieldset className="choice-group" aria-describedby={problem ? `${id}-problem` : undefined} aria-invalid={problem ? true : undefined}>
          <legend className="field__label">What is wrong?</legend>
          {problem && (
            <p id={`${id}-problem`} className="field__error">
              {problem}
            </p>
          )}
          {CATEGORIES.map((c) => (
            <div key={c} className="check">
              <input id={`${id}-${c}`} type="radio" name={`${id}-category`} checked={category === c} onChange={() => setCategory(c)} />
              <label htmlFor={`${id}-${c}`}>{REPORT_CATEGORY_LABELS[c]}</label>
            </div>
          ))}
        </fieldset>
        {category === Categories.Crisis && (
          <p className="notice">
            Thank you for looking out for them. Moderators see these first. If someone is in danger right now, please
            contact local emergency services.
          </p>
        )}
        <TextareaField
          id={`${id}-note`}
          label="Anything the moderators should know"
          optional
          hint="Only moderators read this."
          value={note}
          onChange={setNote}
          maxLength={REPORT_NOTE_MAX_LENGTH}
          rows={3}
        />
        {report.isError && (
          <p className="field__error" role="alert">
            {toDisplayError(report.error).message}
          </p>
        )}
        <div className="button-row">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={report.isPending}>
            {report.isPending ? 'Sending…' : 'Send report'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
