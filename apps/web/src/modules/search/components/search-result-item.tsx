import type { SearchResult } from '@kindred/contracts';
import { AppLink } from '../../../shared/ui/app-link';
import { TimeAgo } from '../../../shared/ui/time-ago';
import { WarningGate } from '../../content-warnings/components/warning-gate';
import { presentationFor } from '../../content-warnings/lib/presentation';

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

export function SearchResultItem({ result, viewerId }: { result: SearchResult; viewerId: string | undefined }) {
  const { post, thread, room } = result;
  return (
    <li className="search-result">
      <WarningGate id={`post:${post.id}`} warning={post.warning} presentation={presentationFor(post, viewerId)} what="result">
        {() => (
          <>
            <h3 className="search-result__title">
              <AppLink to={`/threads/${thread.id}`}>{thread.title}</AppLink>
            </h3>
            {/* Plain text, escaped by React; formatting is only shown on the thread page. */}
            <p className="search-result__excerpt">{excerpt(post.body)}</p>
          </>
        )}
      </WarningGate>
      <p className="muted search-result__meta">
        In {room.name} · by {post.author.handle} · <TimeAgo iso={post.createdAt} />
      </p>
    </li>
  );
}
