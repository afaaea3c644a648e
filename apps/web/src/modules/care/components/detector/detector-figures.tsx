import { useT } from '../../../../shared/i18n/use-t';
import { useDetectorFigures } from '../../hooks/use-detector-labels';

/** The detector measured on what moderators labelled and admins accepted: members' real words. */
export function DetectorFigures() {
  const t = useT();
  const figures = useDetectorFigures();
  if (!figures.data) return null;
  const { accepted, pending, recall, precision } = figures.data;
  const percent = (value: number | null) => (value === null ? t('care.detector.figures.notYet') : `${Math.round(value * 100)}%`);
  return (
    <section className="care-detector" aria-labelledby="care-detector-heading">
      <h2 id="care-detector-heading" className="care-detector__heading">
        {t('care.detector.figures.heading')}
      </h2>
      <p>{accepted === 0 ? t('care.detector.figures.none') : t('care.detector.figures.summary', { accepted, recall: percent(recall), precision: percent(precision) })}</p>
      {pending > 0 && <p className="muted">{t('care.detector.figures.pending', { count: pending })}</p>}
    </section>
  );
}
