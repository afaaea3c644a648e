import { useId } from 'react';
import { useT } from '../../../shared/i18n/use-t';
import { CrisisResourceList } from '../../crisis-resources/components/crisis-resource-list';
import { useCrisisResources } from '../../crisis-resources/hooks/use-crisis-resources';
import { dismissCrisisSupport, useCrisisSupport, type SupportSource } from '../lib/crisis-support';
import './pause.css';

/**
 * Shown only to the author, when their words suggested they may be in crisis. Posting
 * happened as usual; this is an offer, never a block, and one click puts it away. The lines
 * are for the country the member chose, in the language on screen.
 */
export function CrisisSupportPanel({ source, headingLevel = 2 }: { source: SupportSource; headingLevel?: 2 | 3 }) {
  const support = useCrisisSupport();
  if (!support || support.source !== source) return null;
  return <Panel source={source} headingLevel={headingLevel} initial={support.resources} />;
}

function Panel({ source, headingLevel, initial }: { source: SupportSource; headingLevel: 2 | 3; initial: NonNullable<ReturnType<typeof useCrisisSupport>>['resources'] }) {
  const t = useT();
  const id = useId();
  const resources = useCrisisResources(initial);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  return (
    <section className="support-panel" aria-labelledby={id}>
      <div role="status">
        <Heading id={id} className="support-panel__title">
          {t('crisis.panel.title')}
        </Heading>
      </div>
      <p>{t(source === 'chat' ? 'crisis.panel.sentMessage' : 'crisis.panel.postedWords')}</p>
      <p>{t('crisis.panel.intro')}</p>
      <CrisisResourceList resources={resources.data?.resources ?? initial} />
      <p className="muted">{t('crisis.panel.emergency')}</p>
      <button type="button" className="button button--small" onClick={dismissCrisisSupport}>
        {t('crisis.panel.close')}
      </button>
    </section>
  );
}
