import type { ContentWarningCategory, IdentifyingKind } from '@kindred/contracts';
import { useId } from 'react';
import type { MessageId } from '../../../shared/i18n/message-id';
import { useT } from '../../../shared/i18n/use-t';
import { useCategoryLabel } from '../../content-warnings/hooks/use-category-label';
import { CrisisResourceList } from '../../crisis-resources/components/crisis-resource-list';
import { useCrisisResources } from '../../crisis-resources/hooks/use-crisis-resources';
import { excerptOf, hasFindings, type CheckedDraft } from '../lib/findings';
import './compose-check.css';

const WHY: Record<IdentifyingKind, MessageId> = {
  phone: 'composeCheck.kind.phone',
  email: 'composeCheck.kind.email',
  'street-address': 'composeCheck.kind.streetAddress',
  'full-name': 'composeCheck.kind.fullName',
  'car-plate': 'composeCheck.kind.carPlate',
  'school-or-workplace': 'composeCheck.kind.schoolOrWorkplace',
};

interface ComposeCheckPanelProps {
  idPrefix: string;
  checked: CheckedDraft | null;
  /** Categories already in the composer's warning choice: their offer turns into "added". */
  chosenWarnings: readonly ContentWarningCategory[];
  onAddWarning: (category: ContentWarningCategory) => void;
  /** Back to the words (focus the box). */
  onEdit: () => void;
  /** Send the words unchanged; the check never stops anyone sending. */
  onSendAsIs: () => void;
  headingLevel?: 2 | 3;
}

/**
 * What the check before sending noticed, shown only to the writer. Crisis comes first, with
 * the people ready to listen; then what could identify someone; then warnings the words
 * suggest. The summary line is a polite live region, so a screen reader hears that there is
 * something to look at without the whole panel being read out while typing.
 */
export function ComposeCheckPanel({ idPrefix, checked, chosenWarnings, onAddWarning, onEdit, onSendAsIs, headingLevel = 3 }: ComposeCheckPanelProps) {
  const t = useT();
  const headingId = useId();
  const show = !!checked && hasFindings(checked.result);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <>
      <div role="status" aria-live="polite" className="visually-hidden">
        {show ? t('composeCheck.announce') : ''}
      </div>
      {show && (
        <section id={`${idPrefix}-compose-check`} className="compose-check" aria-labelledby={headingId}>
          <Heading id={headingId} className="compose-check__title">
            {t('composeCheck.title')}
          </Heading>
          <p className="compose-check__private">{t('composeCheck.private')}</p>
          {checked.result.crisis && <CrisisFirst />}
          <IdentifyingList checked={checked} />
          <SuggestedWarnings suggested={checked.result.suggestedWarnings} chosen={chosenWarnings} onAdd={onAddWarning} />
          <div className="button-row compose-check__actions">
            <button type="button" className="button button--small" onClick={onEdit}>
              {t('composeCheck.edit')}
            </button>
            <button type="button" className="button button--small" onClick={onSendAsIs}>
              {t('composeCheck.sendAsIs')}
            </button>
          </div>
        </section>
      )}
    </>
  );
}

function CrisisFirst() {
  const t = useT();
  const resources = useCrisisResources();
  return (
    <div className="compose-check__crisis">
      <p>{t('composeCheck.crisis')}</p>
      <CrisisResourceList resources={resources.data?.resources ?? []} />
      <p className="muted">{t('crisis.panel.emergency')}</p>
    </div>
  );
}

function IdentifyingList({ checked }: { checked: CheckedDraft }) {
  const t = useT();
  if (checked.result.identifying.length === 0) return null;
  return (
    <div className="compose-check__identifying">
      <p>{t('composeCheck.identifyingIntro')}</p>
      <ul className="compose-check__spans">
        {checked.result.identifying.map((span) => {
          const { before, found, after } = excerptOf(checked, span);
          return (
            <li key={`${span.field}-${span.start}`}>
              <q className="compose-check__excerpt">
                {before}
                <mark>{found}</mark>
                {after}
              </q>{' '}
              <span className="compose-check__why">{t(WHY[span.kind])}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function SuggestedWarnings({ suggested, chosen, onAdd }: { suggested: readonly ContentWarningCategory[]; chosen: readonly ContentWarningCategory[]; onAdd: (c: ContentWarningCategory) => void }) {
  const t = useT();
  const label = useCategoryLabel();
  if (suggested.length === 0) return null;
  return (
    <div className="compose-check__warnings">
      <p>{t('composeCheck.warningsIntro')}</p>
      <ul className="compose-check__suggestions">
        {suggested.map((category) => (
          <li key={category}>
            {chosen.includes(category) ? (
              <span className="notice notice--success">{t('composeCheck.warningAdded', { category: label(category) })}</span>
            ) : (
              <button type="button" className="button button--small" onClick={() => onAdd(category)}>
                {t('composeCheck.addWarning', { category: label(category) })}
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
