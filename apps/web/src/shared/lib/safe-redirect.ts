/**
 * Where to go after signing in. Only same-app paths are accepted, so router state can
 * never send someone to another site.
 */
export function safeReturnPath(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//')) return fallback;
  if (value === '/login' || value === '/register') return fallback;
  return value;
}

export interface ReturnState {
  from?: string;
}

export function returnPathFrom(state: unknown): string {
  return safeReturnPath((state as ReturnState | null)?.from);
}
