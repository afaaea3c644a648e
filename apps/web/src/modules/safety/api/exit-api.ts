/**
 * Ends the session on the server. keepalive lets the request finish after the page is
 * gone, so the caller never has to wait for it.
 */
export function endSessionOnExit(): Promise<void> {
  return fetch('/api/auth/exit', { method: 'POST', credentials: 'same-origin', keepalive: true })
    .then(() => undefined)
    .catch(() => undefined);
}
