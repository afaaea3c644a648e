import type { KeyboardEvent } from 'react';
import { useCallback, useRef, useState } from 'react';

/** What one row needs to take part: spread into its element (see ChatMessageList). */
export interface RovingItemProps {
  rovingKey: string;
  tabIndex: 0 | -1;
  bind: (node: HTMLElement | null) => void;
  onFocus: () => void;
  /** The id of the one visually hidden line that explains the keys. */
  hintId: string;
}

/**
 * A roving tabindex over rows that come and go: one Tab stop for the whole list (the newest
 * row until the member moves), Up/Down between rows, Home/End to the ends.
 */
export function useRovingList(keys: readonly string[], hintId: string) {
  const [active, setActive] = useState<string | null>(null);
  const nodes = useRef(new Map<string, HTMLElement>());
  const current = active !== null && keys.includes(active) ? active : (keys.at(-1) ?? null);

  const register = useCallback((key: string) => (node: HTMLElement | null) => {
    if (node) nodes.current.set(key, node);
    else nodes.current.delete(key);
  }, []);

  function move(to: string | undefined) {
    if (to === undefined) return;
    setActive(to);
    nodes.current.get(to)?.focus();
  }

  /** On the list: only keys pressed on a row itself, never inside a row's form or menu. */
  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    const key = (event.target as HTMLElement).dataset.rovingKey;
    if (key === undefined || nodes.current.get(key) !== event.target) return;
    const at = keys.indexOf(key);
    if (event.key === 'ArrowDown') move(keys[at + 1]);
    else if (event.key === 'ArrowUp') move(keys[at - 1]);
    else if (event.key === 'Home') move(keys[0]);
    else if (event.key === 'End') move(keys.at(-1));
    else return;
    event.preventDefault();
  }

  function itemProps(key: string): RovingItemProps {
    return { rovingKey: key, tabIndex: key === current ? 0 : -1, bind: register(key), onFocus: () => setActive(key), hintId };
  }

  return { onKeyDown, itemProps };
}
