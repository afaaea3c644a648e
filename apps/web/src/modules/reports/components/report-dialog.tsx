import type { ReportCategory, ReportTargetType } from '@kindred/contracts';
import { REPORT_NOTE_MAX_LENGTH, ReportCategory as Categories } from '@kindred/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useId, useState } from 'react';
import { useErrorText } from '../../../shared/i18n/error-text';
import { useT } from '../../../shared/i18n/use-t';
import { Dialog } from '../../../shared/ui/dialog';
import { TextareaField } from '../../../shared/ui/textarea-field';
import { createReport } from '../api/reports-api';
import { MY_REPORTS_QUERY_KEY } from '../hooks/use-my-reports';
import { REPORT_CATEGORY } from '../../moderation/lib/labels';

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
  const t = useT();
  const errorText = useErrorText();
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
      setProblem(t('report.problem'));
      return;
    }
    setProblem(undefined);
    report.mutate({ targetType: target.type, targetId: target.id, category, ...(note.trim() ? { note: note.trim() } : {}) });
  }

  if (report.isSuccess) {
    return (
      <Dialog open onClose={onClose} title={t('report.thanks.title')}>
        <div role="status">
          <p>{t('report.thanks.soon')}</p>
          <p>{t('report.thanks.follow')}</p>
        </div>
        <div className="button-row">
          <button type="button" className="button button--primary" onClick={onClose}>
            {t('common.close')}
          </button>
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog open onClose={onClose} title={t('report.title')}>
      <form onSubmit={onSubmit} noValidate aria-busy={report.isPending}>
        {targets.length > 1 && (
          <fieldset className="choice-group">
            <legend className="field__label">{t('report.which')}</legend>
            {targets.map((choice, index) => (
              <div key={`${choice.type}-${choice.id}`} className="check">
                <input
                  id={`${id}-target-${index}`}
                  type="radio"
                  name={`${id}-target`}
                  checked={index === targetIndex}
                  onChange={() => setTargetIndex(index)}
                />
                <label htmlFor={`${id}-target-${index}`}>{choice.label}</label>
              </div>
            ))}
          </fieldset>
        )}
        <fieldset className="choice-group" aria-describedby={problem ? `${id}-problem` : undefined} aria-invalid={problem ? true : undefined}>
          <legend className="field__label">{t('report.whatIsWrong')}</legend>
          {problem && (
            <p id={`${id}-problem`} className="field__error">
              {problem}
            </p>
          )}
          {CATEGORIES.map((c) => (
            <div key={c} className="check">
              <input id={`${id}-${c}`} type="radio" name={`${id}-category`} checked={category === c} onChange={() => setCategory(c)} />
              <label htmlFor={`${id}-${c}`}>{t(REPORT_CATEGORY[c])}</label>
            </div>
          ))}
        </fieldset>
        {category === Categories.Crisis && (
          <p className="notice">{t('report.crisisNote')}</p>
        )}
        <TextareaField
          id={`${id}-note`}
          label={t('report.note.label')}
          optional
          hint={t('report.note.hint')}
          value={note}
          onChange={setNote}
          maxLength={REPORT_NOTE_MAX_LENGTH}
          rows={3}
        />
        {report.isError && (
          <p className="field__error" role="alert">
            {errorText(report.error)}
          </p>
        )}
        <div className="button-row">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={report.isPending}>
            {t(report.isPending ? 'common.sending' : 'report.send')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
