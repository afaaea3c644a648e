import { useState } from 'react';

/**
 * Paced breathing: a circle that grows, rests and shrinks over twelve seconds, with the cue
 * words in step. Pure CSS animation; under prefers-reduced-motion the circle stays still
 * and only the written rhythm remains.
 */
export function BreathingGuide() {
  const [paused, setPaused] = useState(false);

  return (
    <section className="breathing" aria-labelledby="breathing-heading">
      <h3 id="breathing-heading">Breathe with the circle</h3>
      <p className="muted">Breathe in for four, hold for four, breathe out for four. Go at your own pace.</p>
      <div className={`breathing__stage${paused ? ' is-paused' : ''}`} aria-hidden="true">
        <div className="breathing__circle" />
        <p className="breathing__cues">
          <span className="breathing__cue breathing__cue--in">breathe in…</span>
          <span className="breathing__cue breathing__cue--hold">hold…</span>
          <span className="breathing__cue breathing__cue--out">breathe out…</span>
        </p>
      </div>
      <button
        type="button"
        className="button button--small breathing__toggle"
        aria-pressed={paused}
        onClick={() => setPaused((p) => !p)}
      >
        {paused ? 'Start the circle again' : 'Stop the circle'}
      </button>
    </section>
  );
}
