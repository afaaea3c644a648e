import type { ReactNode } from 'react';
import { useErrorText } from '../../../../shared/i18n/error-text';
import { useT } from '../../../../shared/i18n/use-t';
import { useReveal } from '../../hooks/use-wellbeing';

const CRISIS = 3;

/**
 * Crisis and harm items reach a moderator folded: what the item is about, and a button to read
 * it when they are ready. The choice is kept on the server for this moderator and item, so it
 * holds on every device and never sits in browser storage.
 */
export function FoldedItem({ itemId, severity, folded, what, children }: { itemId: string; severity: number; folded: boolean; what: string; children: ReactNode }) {
  const t = useT();
  const errorText = useErrorText();
  const reveal = useReveal(itemId);
  const foldable = severity >= 2;
  if (!foldable) return <>{children}</>;

  return (
    <div className="care-fold">
      {folded ? (
        <p className="care-fold__notice">{severity === CRISIS ? t('care.fold.crisis') : t('care.fold.harm')}</p>
      ) : (
        children
      )}
      <button type="button" className="button button--small button--quiet" aria-expanded={!folded} disabled={reveal.isPending} onClick={() => reveal.mutate(folded)}>
        {folded ? t('care.fold.show') : t('care.fold.hide')}
        <span className="visually-hidden"> {what}</span>
      </button>
      {reveal.isError && (
        <p className="field__error" role="alert">
          {errorText(reveal.error)}
        </p>
      )}
    </div>
  );
}
