import type { CDPSession, Page } from 'playwright-core';

export interface StoredCredential {
  credentialId: string;
  isResidentCredential: boolean;
  rpId?: string;
  privateKey: string;
  userHandle?: string;
  signCount: number;
}

export interface VirtualAuthenticator {
  cdp: CDPSession;
  authenticatorId: string;
  credentials(): Promise<StoredCredential[]>;
  /** Puts a passkey on this authenticator, as when one syncs to another device. */
  addCredential(credential: StoredCredential): Promise<void>;
}

/**
 * A platform authenticator of Chromium's own (DevTools protocol `WebAuthn` domain) in this
 * tab: CTAP2, built in, holds discoverable passkeys, verifies its person (as a fingerprint
 * would) and answers without a prompt. Real WebAuthn in the browser, only the hardware is virtual.
 */
export async function addVirtualAuthenticator(page: Page): Promise<VirtualAuthenticator> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable', { enableUI: false });
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });
  return {
    cdp,
    authenticatorId,
    credentials: async () => (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials as StoredCredential[],
    addCredential: async (credential) => {
      await cdp.send('WebAuthn.addCredential', { authenticatorId, credential });
    },
  };
}

/** `navigator.credentials.create` in the page with the server's options; the answer as the browser's own JSON. */
export function createPasskey(page: Page, options: unknown): Promise<Record<string, unknown>> {
  return page.evaluate(
    `(async () => (await navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(${JSON.stringify(options)}) })).toJSON())()`,
  ) as Promise<Record<string, unknown>>;
}

/** `navigator.credentials.get` in the page with the server's options (no handle: discoverable passkeys). */
export function usePasskey(page: Page, options: unknown): Promise<Record<string, unknown>> {
  return page.evaluate(
    `(async () => (await navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(${JSON.stringify(options)}) })).toJSON())()`,
  ) as Promise<Record<string, unknown>>;
}
