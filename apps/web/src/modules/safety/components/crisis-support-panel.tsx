import { useId } from 'react';
import { dismissCrisisSupport, useCrisisSupport, type SupportSource } from '../lib/crisis-support';
import './pause.css';
import { useT } from '../../../shared/i18n/use-t';

function safeUrl(url: string | undefined): string | undefined {
  return url && /^https?:\/\//i.test(url) ? url : undefined;
}

/**
 * Shown only to the author, when their words suggested they may be in crisis. Posting
 * happened as usual; this is an offer, never a block, and one click puts it away.
 */
export function CrisisSupportPanel({ source, headingLevel = 2 }: { source: SupportSource; headingLevel?: 2 | 3 }) {
  const t = useT();
  const support = useCrisisSupport();
  const id = useId();
  if (!support || support.source !== source) return null;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  return (
    <section className="support-panel" aria-labelledby={id}>
      <div role="status">
        <Heading id={id} className="support-panel__title">
          {t('crisis.title')}
        </Heading>
      </div>
      <p>{t(source === 'chat' ? 'crisis.checkInChat' : 'crisis.checkInPost')}</p>
      <p>{t('crisis.readyToListen')}</p>
      <ul className="support-panel__list">
        {support.resources.map((resource) => {
          const url = safeUrl(resource.url);
          return (
            <li key={`${resource.name}-${resource.contact}`}>
              <strong>{resource.name}</strong>
              {resource.description && <span className="support-panel__description"> — {resource.description}</span>}
              <span className="support-panel__contact">{resource.contact}</span>
              {url && (
                <a href={url} target="_blank" rel="noopener noreferrer">
                  {t('crisis.website')}
                  <span className="visually-hidden"> {t('crisis.websiteOf', { name: resource.name })}</span>
                </a>
              )}
            </li>
          );
        })}
      </ul>
      <p className="muted">{t('crisis.danger')}</p>
      <button type="button" className="button button--small" onClick={dismissCrisisSupport}>
        {t('crisis.close')}
      </button>
    </section>
  );
}
