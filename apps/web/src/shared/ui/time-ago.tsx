import { formatAbsolute, formatRelative } from '../lib/format-time';

/** "3 hours ago", with the exact date for hover and assistive technology. */
export function TimeAgo({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} title={formatAbsolute(iso)}>
      {formatRelative(iso)}
    </time>
  );
}
