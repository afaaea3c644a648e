/** A result that did not throw yet: work started early whose failure is reported only when used. */
export type Attempt<T> = { ok: true; value: T } | { ok: false; error: unknown };

export function attempt<T>(fn: () => T): Attempt<T> {
  try {
    return { ok: true, value: fn() };
  } catch (error) {
    return { ok: false, error };
  }
}

/** Starts work whose failure is only reported when someone awaits it (never unhandled). */
export function settled<T>(promise: Promise<T>): Promise<Attempt<T>> {
  return promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
}

export async function unwrap<T>(result: Promise<Attempt<T>>): Promise<T> {
  const r = await result;
  if (!r.ok) throw r.error;
  return r.value;
}
