import { useId, useState } from 'react';
import { useCategoryLabel } from '../../content-warnings/hooks/use-category-label';
import { useT } from '../../../shared/i18n/use-t';
import { CrisisResourceList } from '../../crisis-resources/components/crisis-resource-list';
import { useCrisisResources } from '../../crisis-resources/hooks/use-crisis-resources';
import { dismissCrisisSupport, useCrisisSupport, type SupportSource, type WarningOffer } from '../lib/crisis-support';
import './pause.css';

/**
 * Shown only to the author, when their words suggested they may be in crisis. Posting
 * happened as usual; this is an offer, never a block, and one click puts it away. The lines
 * are for the country the member chose, in the language on screen.
 */
export function CrisisSupportPanel({ source, headingLevel = 2 }: { source: SupportSource; headingLevel?: 2 | 3 }) {
  const support = useCrisisSupport();
  if (!support || support.source !== source) return null;
  return <Panel source={source} headingLevel={headingLevel} initial={support.resources} offer={support.offer} />;
}

function Panel({
  source,
  headingLevel,
  initial,
  offer,
}: {
  source: SupportSource;
  headingLevel: 2 | 3;
  initial: NonNullable<ReturnType<typeof useCrisisSupport>>['resources'];
  offer: WarningOffer | undefined;
}) {
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
      {offer && <AddWarningOffer offer={offer} />}
      <button type="button" className="button button--small" onClick={dismissCrisisSupport}>
        {t('crisis.panel.close')}
      </button>
    </section>
  );
}

/**
 * Readers who asked to be warned already see these words behind an automatic warning; the
 * author can make that warning their own in one click (an ordinary edit, never a sanction).
 */
function AddWarningOffer({ offer }: { offer: WarningOffer }) {
  const t = useT();
  const label = useCategoryLabel();
  const [state, setState] = useState<'idle' | 'saving' | 'done' | 'failed'>('idle');
  const categories = offer.categories.map(label).join(', ');

  async function add() {
    setState('saving');
    try {
      await offer.apply();
      setState('done');
    } catch {
      setState('failed');
    }
  }

  return (
    <div className="support-panel__offer">
      <p>{t('crisis.panel.warningOffer', { categories })}</p>
      <div role="status">{state === 'done' && <p className="notice notice--success">{t('crisis.panel.warningAdded', { categories })}</p>}</div>
      {state !== 'done' && (
        <button type="button" className="button button--small" disabled={state === 'saving'} onClick={() => void add()}>
          {t('crisis.panel.addWarning', { categories })}
        </button>
      )}
      {state === 'failed' && (
        <p className="field__error" role="alert">
          {t('crisis.panel.warningFailed')}
        </p>
      )}
    </div>
  );
}
