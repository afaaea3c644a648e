/**
 * The WebAuthn library, loaded on the first passkey ceremony rather than at start-up: it is a
 * large module graph (a quarter of a second of CPU to load) that most requests, and most
 * processes (CLI commands, workers, each test file), never use.
 */
let library: Promise<typeof import('@simplewebauthn/server')> | undefined;

export function webAuthn(): Promise<typeof import('@simplewebauthn/server')> {
  library ??= import('@simplewebauthn/server');
  return library;
}
