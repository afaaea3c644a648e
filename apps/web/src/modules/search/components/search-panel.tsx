import { SEARCH_QUERY_MAX_LENGTH } from '@kindred/contracts';
import type { FormEvent } from 'react';
import { useState } from 'react';
import { FormField } from '../../../shared/ui/form-field';
import { ErrorState, LoadingState } from '../../../shared/ui/query-state';
import { useSession } from '../../auth/hooks/use-session';
import { useRooms } from '../../rooms/hooks/use-rooms';
import { useSearch, type SearchTerms } from '../hooks/use-search';
import { SearchResultItem } from './search-result-item';
import './search.css';
import { useT } from '../../../shared/i18n/use-t';

export function SearchPanel() {
  const t = useT();
  const rooms = useRooms();
  const { user } = useSession();
  const [q, setQ] = useState('');
  const [room, setRoom] = useState('');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [terms, setTerms] = useState<SearchTerms | null>(null);
  const search = useSearch(terms);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = q.trim();
    if (trimmed.length < 2) {
      setProblem(t('search.tooShort'));
      return;
    }
    setProblem(undefined);
    setTerms({ q: trimmed, room: room || null });
  }

  const items = search.data?.pages.flatMap((page) => page.items) ?? [];
  const hidden = search.data?.pages.reduce((sum, page) => sum + page.hiddenCount, 0) ?? 0;

  return (
    <>
      <form className="form search-form" role="search" onSubmit={onSubmit} noValidate>
        <FormField
          id="search-q"
          label={t('search.label')}
          type="search"
          value={q}
          onChange={setQ}
          error={problem}
          maxLength={SEARCH_QUERY_MAX_LENGTH}
          autoComplete="off"
        />
        <div className="field">
          <label htmlFor="search-room" className="field__label">
            {t('search.room')}
          </label>
          <select id="search-room" className="field__input" value={room} onChange={(event) => setRoom(event.target.value)}>
            <option value="">{t('search.allRooms')}</option>
            {rooms.data?.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--primary">
          {t('header.search')}
        </button>
      </form>
      <section aria-labelledby="results-heading" aria-busy={search.isFetching}>
        <h2 id="results-heading">{t('search.results')}</h2>
        {terms === null ? (
          <p className="muted">{t('search.notSaved')}</p>
        ) : search.isPending ? (
          <LoadingState label={t('search.searching')} />
        ) : search.isError ? (
          <ErrorState error={search.error} onRetry={() => void search.refetch()} />
        ) : (
          <>
            <p role="status" className="muted">
              {items.length === 0 ? t('search.nothing') : t('search.showing', { count: items.length })}
            </p>
            {items.length > 0 && (
              <ul className="search-results card-list">
                {items.map((result) => (
                  <SearchResultItem key={result.post.id} result={result} viewerId={user?.id} />
                ))}
              </ul>
            )}
            {hidden > 0 && <p className="hidden-note">{t('search.hidden', { count: hidden })}</p>}
            {search.hasNextPage && (
              <button type="button" className="button" onClick={() => void search.fetchNextPage()} disabled={search.isFetchingNextPage}>
                {search.isFetchingNextPage ? t('common.loading') : t('search.more')}
              </button>
            )}
          </>
        )}
      </section>
    </>
  );
}
