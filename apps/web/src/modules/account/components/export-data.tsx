import { EXPORT_URL } from '../api/account-api';
import { useT } from '../../../shared/i18n/use-t';

/** A plain download link: the server sends the file as an attachment. */
export function ExportData() {
  const t = useT();
  return (
    <>
      <p>{t('export.intro')}</p>
      <ul className="plain-list">
        <li>{t('export.profile')}</li>
        <li>{t('export.writing')}</li>
        <li>{t('export.reports')}</li>
      </ul>
      <p className="muted">{t('export.privacy')}</p>
      <a className="button" href={EXPORT_URL} download="kindred-export.json">
        {t('export.button')}
      </a>
    </>
  );
}
