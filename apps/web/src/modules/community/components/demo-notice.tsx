import { useT } from '../../../shared/i18n/use-t';
import { useSite } from '../hooks/use-community';

/** Said plainly when admins mark the rooms and posts as demo data, so nobody mistakes them for real people. */
export function DemoNotice() {
  const t = useT();
  const site = useSite();
  if (!site.data?.demoNotice) return null;
  return (
    <aside className="notice" aria-labelledby="demo-notice-title">
      <h2 id="demo-notice-title" className="notice__title">
        {t('community.demoNotice.title')}
      </h2>
      <p>{t('community.demoNotice.body')}</p>
    </aside>
  );
}
