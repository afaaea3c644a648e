import type { AppConfig } from '../config/app-config.js';

/**
 * Who passkeys are made for: the relying party is the configured public origin's host name
 * (`localhost` in development; WebAuthn refuses bare IP addresses), and answers are accepted
 * from that origin only.
 */
export interface RelyingParty {
  id: string;
  origin: string;
  name: string;
}

export function relyingPartyOf(config: AppConfig): RelyingParty {
  const url = new URL(config.publicOrigin);
  return { id: url.hostname, origin: url.origin, name: 'Kindred' };
}
