/** The server names nested fields ("warning.note"); the picker shows them all in one place. */
export function warningFieldError(fieldErrors: Record<string, string>): string | undefined {
  const key = Object.keys(fieldErrors).find((k) => k === 'warning' || k.startsWith('warning.'));
  return key ? fieldErrors[key] : undefined;
}
