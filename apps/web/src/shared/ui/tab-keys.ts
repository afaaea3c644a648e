/**
 * Where an arrow key, Home or End moves in a horizontal tab list (WAI-ARIA tabs pattern), or
 * undefined for other keys. Arrows follow the reading direction: in a right-to-left layout the
 * next tab is on the left, so ArrowLeft moves forward. The direction is read from the element
 * itself, so it follows `<html dir>` (and any local `dir`) without being told.
 */
export function tabKeyTarget(key: string, index: number, count: number, element: Element): number | undefined {
  const last = count - 1;
  const next = index === last ? 0 : index + 1;
  const previous = index === 0 ? last : index - 1;
  const rtl = getComputedStyle(element).direction === 'rtl';
  switch (key) {
    case 'ArrowRight':
      return rtl ? previous : next;
    case 'ArrowLeft':
      return rtl ? next : previous;
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return undefined;
  }
}
