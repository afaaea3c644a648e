import { useState } from 'react';
import { useErrorText } from '../../../shared/i18n/error-text';
import { useT } from '../../../shared/i18n/use-t';
import { ConfirmDialog } from '../../../shared/ui/confirm-dialog';
import { TimeAgo } from '../../../shared/ui/time-ago';
import type { DraftSync } from '../hooks/use-draft-sync';

interface DraftControlsProps {
  sync: DraftSync;
  /** Something is typed: only then is there a draft to discard. */
  hasWords: boolean;
  /** Empties the boxes once the server copy is gone. */
  onDiscarded: () => void;
  idPrefix: string;
}

/**
 * Where the draft stands, said quietly (not announced on every save), and "Discard draft"
 * behind a calm confirm: throwing away words should never happen by a slip.
 */
export function DraftControls({ sync, hasWords, onDiscarded, idPrefix }: DraftControlsProps) {
  const t = useT();
  const errorText = useErrorText();
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function discard() {
    setPending(true);
    setError(null);
    try {
      await sync.discard();
      onDiscarded();
      setConfirming(false);
    } catch (cause) {
      setError(cause);
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="draft-controls">
      {sync.restoredAt && hasWords && (
        <p role="status" className="draft-controls__restored">
          {t('drafts.restored')} <TimeAgo iso={sync.restoredAt} />
        </p>
      )}
      <p className="draft-controls__status muted" id={`${idPrefix}-draft-status`}>
        {sync.status === 'saving' && t('drafts.saving')}
        {sync.status === 'saved' && t('drafts.saved')}
      </p>
      {sync.status === 'failed' && (
        <p role="status" className="field__error">
          {t('drafts.saveFailed')}
        </p>
      )}
      {hasWords && (
        <button type="button" className="button button--small button--quiet" onClick={() => setConfirming(true)}>
          {t('drafts.discard')}
        </button>
      )}
      <ConfirmDialog
        open={confirming}
        title={t('drafts.discardTitle')}
        confirmLabel={t('drafts.discard')}
        cancelLabel={t('drafts.keepWriting')}
        pending={pending}
        error={error ? errorText(error) : null}
        onCancel={() => setConfirming(false)}
        onConfirm={() => void discard()}
      >
        <p>{t('drafts.discardBody')}</p>
      </ConfirmDialog>
    </div>
  );
}
