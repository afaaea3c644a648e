import { useErrorText } from '../../../../shared/i18n/error-text';
import { useT } from '../../../../shared/i18n/use-t';
import { useLabelForDetector } from '../../hooks/use-detector-labels';

/** For moderators beside a post: label it as a crisis the detector missed (an admin reviews it). */
export function MarkMissedCrisis({ sourceId, what }: { sourceId: string; what: string }) {
  const t = useT();
  const errorText = useErrorText();
  const label = useLabelForDetector();
  if (label.isSuccess) {
    return (
      <span className="muted" role="status">
        {t('care.detector.mark.done')}
      </span>
    );
  }
  return (
    <>
      <button type="button" className="button button--small button--quiet" disabled={label.isPending} onClick={() => label.mutate({ sourceType: 'post', sourceId, label: 'crisis' })}>
        {t('care.detector.mark.missed')}
        <span className="visually-hidden"> {what}</span>
      </button>
      {label.isError && (
        <span className="field__error" role="alert">
          {errorText(label.error)}
        </span>
      )}
    </>
  );
}
