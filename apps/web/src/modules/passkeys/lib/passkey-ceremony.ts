import { WebAuthnError, browserSupportsWebAuthn, startAuthentication, startRegistration } from '@simplewebauthn/browser';
import type { MessageId } from '../../../shared/i18n/message-id';
import { passkeyRegistrationOptions, passkeySignInOptions, savePasskey, signInWithPasskey } from '../api/passkeys-api';

export const passkeysSupported = (): boolean => browserSupportsWebAuthn();

/**
 * The browser's side of a ceremony failed or was cancelled (nothing reached the server, or the
 * server was never asked to finish). Carries the words to show, by catalogue id.
 */
export class PasskeyCeremonyError extends Error {
  constructor(readonly messageId: MessageId) {
    super(messageId);
  }
}

function browserProblem(cause: unknown): never {
  if (cause instanceof WebAuthnError && cause.code === 'ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED') throw new PasskeyCeremonyError('passkeys.error.alreadyAdded');
  // Cancelled, timed out, or no passkey chosen: the browser does not say which, on purpose.
  if (cause instanceof Error && (cause.name === 'NotAllowedError' || cause.name === 'AbortError')) throw new PasskeyCeremonyError('passkeys.error.cancelled');
  throw new PasskeyCeremonyError('passkeys.error.browser');
}

/** Password → options from the server → the device makes a passkey → the server stores its public key. */
export async function addPasskey(name: string, password: string) {
  const optionsJSON = await passkeyRegistrationOptions(password);
  const response = await startRegistration({ optionsJSON }).catch(browserProblem);
  return savePasskey(name, response);
}

/** Options from the server → the device offers this site's passkeys → the server checks the answer. */
export async function passkeySignIn() {
  const optionsJSON = await passkeySignInOptions();
  const response = await startAuthentication({ optionsJSON }).catch(browserProblem);
  return signInWithPasskey(response);
}
