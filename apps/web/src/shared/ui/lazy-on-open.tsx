import type { ComponentType } from 'react';
import { lazy, Suspense } from 'react';

/**
 * A dialog whose code loads the first time it opens, not with the page: most visits never
 * report, mute or remove anything. Modal dialogs sit above the page, so nothing shifts while
 * the few kilobytes arrive (the fallback is empty), and later openings are immediate.
 */
export function lazyOnOpen<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const Loaded = lazy(async () => ({ default: await load() }));
  function LoadedOnOpen(props: P) {
    return (
      <Suspense fallback={null}>
        <Loaded {...props} />
      </Suspense>
    );
  }
  return LoadedOnOpen;
}
