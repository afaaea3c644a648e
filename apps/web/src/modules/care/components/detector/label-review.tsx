import { Role } from '@kindred/contracts';
import { useErrorText } from '../../../../shared/i18n/error-text';
import { useT } from '../../../../shared/i18n/use-t';
import { useSession } from '../../../auth/hooks/use-session';
import { CRISIS_LABELS_EXPORT_URL } from '../../api/care-api';
import { useCrisisLabels, useReviewCrisisLabel } from '../../hooks/use-detector-labels';

/**
 * Admins review moderators' labels before they count (the words stay folded until opened), and
 * download the accepted ones as fixtures for the labelled test set. Shown to admins only; the
 * server refuses everyone else.
 */
export function LabelReview() {
  const t = useT();
  const errorText = useErrorText();
  const { user } = useSession();
  const isAdmin = user?.role === Role.Admin;
  const pending = useCrisisLabels('pending', isAdmin);
  const review = useReviewCrisisLabel();
  if (!isAdmin) return null;

  return (
    <details className="disclosure care-detector-review">
      <summary>{t('care.detector.review.heading', { count: pending.data?.length ?? 0 })}</summary>
      {pending.data?.length === 0 && <p className="muted">{t('care.detector.review.empty')}</p>}
      <ul className="queue-list">
        {pending.data?.map((label) => (
          <li key={label.id}>
            <p className="queue-list__text">
              <strong>{t('care.detector.review.kind', { label: label.label, source: label.sourceType })}</strong>
            </p>
            <p className="muted queue-list__meta">
              {t('care.detector.review.detected', { detected: label.detectedNow ? 'yes' : 'no' })}
              {label.markedBy && <> · {t('care.detector.review.markedBy', { handle: label.markedBy.handle })}</>}
            </p>
            {label.note && <p className="queue-list__text">{label.note}</p>}
            <details className="disclosure">
              <summary>{t('care.detector.review.show')}</summary>
              <p className="queue-item__body">{label.text}</p>
            </details>
            <div className="button-row">
              <button type="button" className="button button--small" disabled={review.isPending} onClick={() => review.mutate({ id: label.id, status: 'accepted' })}>
                {t('care.detector.review.accept')}
              </button>
              <button type="button" className="button button--small button--quiet" disabled={review.isPending} onClick={() => review.mutate({ id: label.id, status: 'rejected' })}>
                {t('care.detector.review.reject')}
              </button>
            </div>
          </li>
        ))}
      </ul>
      {review.isError && (
        <p className="field__error" role="alert">
          {errorText(review.error)}
        </p>
      )}
      <p>
        <a href={CRISIS_LABELS_EXPORT_URL} download="crisis-labelled-from-members.json">
          {t('care.detector.review.export')}
        </a>
      </p>
    </details>
  );
}
