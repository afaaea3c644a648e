import { SearchPanel } from '../modules/search/components/search-panel';
import { useDocumentTitle } from '../shared/lib/use-document-title';
import { useT } from '../shared/i18n/use-t';

export function SearchPage() {
  const t = useT();
  useDocumentTitle(t('header.search'));
  return (
    <div className="page">
      <h1>{t('header.search')}</h1>
      <SearchPanel />
    </div>
  );
}
