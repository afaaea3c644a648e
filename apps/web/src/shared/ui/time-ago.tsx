import { useFormat } from '../i18n/format';

/** "3 hours ago", with the exact date for hover and assistive technology. */
export function TimeAgo({ iso }: { iso: string }) {
  const format = useFormat();
  return (
    <time dateTime={iso} title={format.dateTime(iso)}>
      {format.relative(iso)}
    </time>
  );
}
