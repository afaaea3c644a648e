import { SearchPanel } from '../modules/search/components/search-panel';
import { useDocumentTitle } from '../shared/lib/use-document-title';

export function SearchPage() {
  useDocumentTitle('Search');
  return (
    <div className="page">
      <h1>Search</h1>
      <SearchPanel />
    </div>
  );
}
