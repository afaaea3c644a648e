import { useParams } from 'react-router';
import { CheckInThread } from '../modules/care/components/check-in-thread';
import { useT } from '../shared/i18n/use-t';
import { useDocumentTitle } from '../shared/lib/use-document-title';

/** A private check-in from the moderation team (reached from its notification). */
export function CheckInPage() {
  const t = useT();
  const { checkInId = '' } = useParams();
  useDocumentTitle(t('care.checkIn.title'));
  return (
    <div className="page">
      <h1>{t('care.checkIn.title')}</h1>
      <p className="lead">{t('care.checkIn.lead')}</p>
      <CheckInThread id={checkInId} />
    </div>
  );
}
