import { useDocumentTitle } from '../shared/lib/use-document-title';
import { AppLink } from '../shared/ui/app-link';
import { useT } from '../shared/i18n/use-t';
import { T } from '../shared/i18n/t';

export function NotFoundPage() {
  const t = useT();
  useDocumentTitle(t('notFound.documentTitle'));
  return (
    <div className="page">
      <h1>{t('notFound.title')}</h1>
      <p>
        <T id="notFound.body" components={{ link: <AppLink to="/" /> }} />
      </p>
    </div>
  );
}
