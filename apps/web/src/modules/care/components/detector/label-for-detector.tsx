import { CrisisLabel, CrisisLabelSource, type CrisisLabelRequest } from '@kindred/contracts';
import { useErrorText } from '../../../../shared/i18n/error-text';
import { useT } from '../../../../shared/i18n/use-t';
import { useLabelForDetector } from '../../hooks/use-detector-labels';

const CRISIS = 3;
const LABELLED_CONTENT = new Set<string>([CrisisLabelSource.Post, CrisisLabelSource.Thread, CrisisLabelSource.Message]);

/**
 * Teaching the detector from a queue item: a crisis item can be marked "not a crisis", and a
 * post, thread or chat message the detector let through can be marked as a crisis it missed.
 * An admin reviews each label before it counts.
 */
export function LabelForDetector({ itemId, severity, target, what }: { itemId: string; severity: number; target: { type: string; id: string }; what: string }) {
  const t = useT();
  const errorText = useErrorText();
  const label = useLabelForDetector();
  let request: CrisisLabelRequest | null = null;
  if (severity === CRISIS) request = { sourceType: CrisisLabelSource.QueueItem, sourceId: itemId, label: CrisisLabel.NotACrisis };
  else if (LABELLED_CONTENT.has(target.type)) request = { sourceType: target.type as CrisisLabelRequest['sourceType'], sourceId: target.id, label: CrisisLabel.Crisis };
  if (!request) return null;
  const body = request;

  return (
    <div className="care-detector-label">
      {label.isSuccess ? (
        <p className="muted" role="status">
          {t('care.detector.mark.done')}
        </p>
      ) : (
        <button type="button" className="button button--small button--quiet" disabled={label.isPending} onClick={() => label.mutate(body)}>
          {body.label === CrisisLabel.Crisis ? t('care.detector.mark.missed') : t('care.detector.mark.notCrisis')}
          <span className="visually-hidden"> {what}</span>
        </button>
      )}
      {label.isError && (
        <p className="field__error" role="alert">
          {errorText(label.error)}
        </p>
      )}
    </div>
  );
}
