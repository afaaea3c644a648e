import type { ContentWarningView, Presentation, SearchResult } from '@kindred/contracts';
import { AppLink } from '../../../shared/ui/app-link';
import { TimeAgo } from '../../../shared/ui/time-ago';
import { WarningBadges } from '../../content-warnings/components/warning-badges';
import { WarningGate } from '../../content-warnings/components/warning-gate';
import { presentationFor } from '../../content-warnings/lib/presentation';
import { T } from '../../../shared/i18n/t';
import { useAuthorName } from '../../../shared/i18n/author-name';
import './search.css';

const EXCERPT_LENGTH = 220;

/** Plain words from Markdown source: link text without addresses, no emphasis marks. */
function excerpt(text: string): string {
  const flat = text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*`#>]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length > EXCERPT_LENGTH ? `${flat.slice(0, EXCERPT_LENGTH).trimEnd()}…` : flat;
}

/**
 * A result shows the thread's title and the post's words, so it folds when either carries a
 * warning the member asked to be asked about, and names the topics of both.
 */
function combined(result: SearchResult, viewerId: string | undefined): { warning: ContentWarningView; presentation: Presentation } {
  const { post, thread } = result;
  const categories = [...new Set([...thread.warning.categories, ...post.warning.categories])];
  const presentation = thread.presentation === 'warn' || presentationFor(post, viewerId) === 'warn' ? 'warn' : 'show';
  return { warning: { categories, note: post.warning.note ?? thread.warning.note }, presentation };
}

export function SearchResultItem({ result, viewerId }: { result: SearchResult; viewerId: string | undefined }) {
  return (
    <li className="search-result card-list__item">
      <PostInPlace result={result} viewerId={viewerId} />
    </li>
  );
}

/** A post with its thread and room, folded as the member asked: search results and saved posts. */
export function PostInPlace({ result, viewerId, titleLevel = 3 }: { result: SearchResult; viewerId: string | undefined; titleLevel?: 2 | 3 }) {
  const { post, thread, room } = result;
  const Title = titleLevel === 2 ? 'h2' : 'h3';
  const { warning, presentation } = combined(result, viewerId);
  const authorName = useAuthorName();
  return (
    <>
      <WarningGate id={`post:${post.id}`} warning={warning} presentation={presentation} what="result" filter={post.filter ?? thread.filter}>
        {() => (
          <>
            <Title className="search-result__title">
              <AppLink to={`/threads/${thread.id}`}>{thread.title}</AppLink>
            </Title>
            <WarningBadges categories={warning.categories} automatic={warning.automatic} />
            {/* Plain text, escaped by React; formatting is only shown on the thread page. */}
            <p className="search-result__excerpt">{excerpt(post.body)}</p>
          </>
        )}
      </WarningGate>
      <p className="muted search-result__meta">
        <T id="search.meta" values={{ room: room.name, handle: authorName(post.author) }} components={{ time: <TimeAgo iso={post.createdAt} /> }} />
      </p>
    </>
  );
}
