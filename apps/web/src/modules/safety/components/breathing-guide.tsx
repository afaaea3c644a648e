import { useEffect, useState } from 'react';
import { usePrefersReducedMotion } from '../../../shared/lib/use-media-query';
import { useT } from '../../../shared/i18n/use-t';
import type { MessageId } from '../../../shared/i18n/message-id';

const CUES: MessageId[] = ['pause.breathing.in', 'pause.breathing.hold', 'pause.breathing.out'];
const CUE_MS = 4_000;

/** Steps through the cue words, four seconds each, while `running`. */
function usePacedCue(running: boolean): number {
  const [index, setIndex] = useState(0);
  useEffect(() => {
    if (!running) return;
    const timer = window.setInterval(() => setIndex((i) => (i + 1) % CUES.length), CUE_MS);
    return () => window.clearInterval(timer);
  }, [running]);
  return index;
}

/**
 * Paced breathing over twelve seconds: a circle that grows, rests and shrinks with the cue
 * words in step (pure CSS animation). With prefers-reduced-motion there is no circle and
 * nothing moves: the cue words change in place every four seconds instead. Either way the
 * button really stops and restarts the pacing.
 */
export function BreathingGuide() {
  const t = useT();
  const reduced = usePrefersReducedMotion();
  const [paused, setPaused] = useState(false);
  const cue = usePacedCue(reduced && !paused);
  const what = reduced ? 'words' : 'circle';

  return (
    <section className="breathing" aria-labelledby="breathing-heading">
      <h3 id="breathing-heading">{t('pause.breathing.title', { what })}</h3>
      <p className="muted">{t('pause.breathing.intro')}</p>
      <div className={`breathing__stage${paused ? ' is-paused' : ''}`} aria-hidden="true">
        {reduced ? (
          <p className="breathing__cues breathing__cues--still">{t(CUES[cue]!)}</p>
        ) : (
          <>
            <div className="breathing__circle" />
            <p className="breathing__cues">
              <span className="breathing__cue breathing__cue--in">{t('pause.breathing.in')}</span>
              <span className="breathing__cue breathing__cue--hold">{t('pause.breathing.hold')}</span>
              <span className="breathing__cue breathing__cue--out">{t('pause.breathing.out')}</span>
            </p>
          </>
        )}
      </div>
      <button type="button" className="button button--small" aria-pressed={paused} onClick={() => setPaused((p) => !p)}>
        {t(paused ? 'pause.breathing.start' : 'pause.breathing.stop', { what })}
      </button>
    </section>
  );
}
