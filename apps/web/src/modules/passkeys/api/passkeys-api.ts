import type { CurrentUser, PasskeySummary } from '@kindred/contracts';
import type { AuthenticationResponseJSON, PublicKeyCredentialCreationOptionsJSON, PublicKeyCredentialRequestOptionsJSON, RegistrationResponseJSON } from '@simplewebauthn/browser';
import { apiRequest } from '../../../shared/lib/api-client';

export function fetchPasskeys(signal?: AbortSignal): Promise<PasskeySummary[]> {
  return apiRequest<PasskeySummary[]>('/api/auth/passkeys', { signal });
}

/** Asks for the password again; the challenge is kept for this session, once. */
export function passkeyRegistrationOptions(password: string): Promise<PublicKeyCredentialCreationOptionsJSON> {
  return apiRequest<PublicKeyCredentialCreationOptionsJSON>('/api/auth/passkeys/options', { method: 'POST', body: { password } });
}

export function savePasskey(name: string, response: RegistrationResponseJSON): Promise<PasskeySummary> {
  return apiRequest<PasskeySummary>('/api/auth/passkeys', { method: 'POST', body: { name, response } });
}

export function removePasskey(id: string, password: string): Promise<void> {
  return apiRequest<void>(`/api/auth/passkeys/${encodeURIComponent(id)}`, { method: 'DELETE', body: { password } });
}

/** A challenge for any of this site's passkeys on the device; its cookie goes along by itself. */
export function passkeySignInOptions(): Promise<PublicKeyCredentialRequestOptionsJSON> {
  return apiRequest<PublicKeyCredentialRequestOptionsJSON>('/api/auth/login/passkey/options', { method: 'POST' });
}

export function signInWithPasskey(response: AuthenticationResponseJSON): Promise<CurrentUser> {
  return apiRequest<CurrentUser>('/api/auth/login/passkey', { method: 'POST', body: { response } });
}
