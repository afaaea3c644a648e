import { useState } from 'react';
import { Dialog } from '../../../shared/ui/dialog';
import { BreathingGuide } from './breathing-guide';
import { GroundingPrompts } from './grounding-prompts';
import './pause.css';
import { useT } from '../../../shared/i18n/use-t';

/** The grounding tools in a dialog that one Esc closes (the header's button, a moderator's break suggestion). */
export function PauseDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  return (
    <Dialog open={open} onClose={onClose} title={t('pause.button')} className="dialog--pause">
      <p>{t('pause.intro')}</p>
      <BreathingGuide />
      <GroundingPrompts />
      <p className="muted pause__footer">{t('pause.danger')}</p>
    </Dialog>
  );
}

/** "Take a pause" from the header. */
export function PauseButton({ context }: { context?: string }) {
  const t = useT();
  const [open, setOpen] = useState(false);

  return (
    <>
      <button type="button" className="button button--small button--pause" onClick={() => setOpen(true)}>
        <svg className="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M12 21c-4.5-2.6-8-6.4-8-10.5C4 7.4 6.4 5 9.2 5c1.2 0 2.1.4 2.8 1.1C12.7 5.4 13.6 5 14.8 5 17.6 5 20 7.4 20 10.5 20 14.6 16.5 18.4 12 21z" />
        </svg>
        {t('pause.button')}
        {context && <span className="visually-hidden"> {context}</span>}
      </button>
      <PauseDialog open={open} onClose={() => setOpen(false)} />
    </>
  );
}
