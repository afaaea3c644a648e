import { useEffect, useRef } from 'react';

/**
 * Calls `onDoubleEscape` when Escape is pressed twice within `windowMs`, wherever focus
 * is. Listens in the capture phase so no inner handler can swallow the key.
 */
export function useDoubleEscape(onDoubleEscape: () => void, windowMs = 1000): void {
  const callback = useRef(onDoubleEscape);
  useEffect(() => {
    callback.current = onDoubleEscape;
  }, [onDoubleEscape]);

  useEffect(() => {
    let lastPress = Number.NEGATIVE_INFINITY;

    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== 'Escape' && event.key !== 'Esc') return;
      const now = performance.now();
      if (now - lastPress <= windowMs) {
        lastPress = Number.NEGATIVE_INFINITY;
        callback.current();
      } else {
        lastPress = now;
      }
    }

    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, [windowMs]);
}
