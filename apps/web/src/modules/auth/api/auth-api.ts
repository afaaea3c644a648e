import type {
  ChangePasswordRequest,
  CurrentUser,
  LoginRequest,
  LoginResponse,
  TotpSetupResponse,
  TotpStatus,
  LogoutEverywhereResponse,
  MeResponse,
  RecoverAccountRequest,
  RecoveryCodesResponse,
  RecoveryCodesStatus,
  RegisterRequest,
  RegisterResponse,
  SecureAccountRequest,
  SecureAccountResponse,
  SignInHistoryEntry,
  SessionSummary,
} from '@kindred/contracts';
import { apiRequest } from '../../../shared/lib/api-client';

/** The signed-in member, or null when there is no session (a 200, so nothing is logged as an error). */
export async function fetchCurrentUser(signal?: AbortSignal): Promise<CurrentUser | null> {
  return (await apiRequest<MeResponse>('/api/auth/me', { signal })).user;
}

export function login(body: LoginRequest): Promise<LoginResponse> {
  return apiRequest<LoginResponse>('/api/auth/login', { method: 'POST', body });
}

/** The second sign-in step; the pending cookie from the password step goes along by itself. */
export function loginTwoStep(code: string): Promise<CurrentUser> {
  return apiRequest<CurrentUser>('/api/auth/login/two-step', { method: 'POST', body: { code } });
}

export function fetchTotpStatus(signal?: AbortSignal): Promise<TotpStatus> {
  return apiRequest<TotpStatus>('/api/auth/totp', { signal });
}

export function setupTotp(password: string): Promise<TotpSetupResponse> {
  return apiRequest<TotpSetupResponse>('/api/auth/totp/setup', { method: 'POST', body: { password } });
}

export function confirmTotp(code: string): Promise<void> {
  return apiRequest<void>('/api/auth/totp/confirm', { method: 'POST', body: { code } });
}

export function disableTotp(password: string, code: string): Promise<void> {
  return apiRequest<void>('/api/auth/totp/disable', { method: 'POST', body: { password, code } });
}

export function register(body: RegisterRequest): Promise<RegisterResponse> {
  return apiRequest<RegisterResponse>('/api/auth/register', { method: 'POST', body });
}

/** Signs in, or (with two-step sign-in on) asks for the second step like the login. */
export function recoverAccount(body: RecoverAccountRequest): Promise<LoginResponse> {
  return apiRequest<LoginResponse>('/api/auth/recover', { method: 'POST', body });
}

export function fetchRecoveryCodesStatus(signal?: AbortSignal): Promise<RecoveryCodesStatus> {
  return apiRequest<RecoveryCodesStatus>('/api/auth/recovery-codes', { signal });
}

export function regenerateRecoveryCodes(password: string): Promise<RecoveryCodesResponse> {
  return apiRequest<RecoveryCodesResponse>('/api/auth/recovery-codes', { method: 'POST', body: { password } });
}

export function logout(): Promise<void> {
  return apiRequest<void>('/api/auth/logout', { method: 'POST' });
}

export function logoutEverywhere(): Promise<LogoutEverywhereResponse> {
  return apiRequest<LogoutEverywhereResponse>('/api/auth/logout-everywhere', { method: 'POST' });
}

export function changePassword(body: ChangePasswordRequest): Promise<void> {
  return apiRequest<void>('/api/auth/password', { method: 'POST', body });
}

export function fetchSessions(signal?: AbortSignal): Promise<SessionSummary[]> {
  return apiRequest<SessionSummary[]>('/api/auth/sessions', { signal });
}

export function revokeOtherSessions(): Promise<LogoutEverywhereResponse> {
  return apiRequest<LogoutEverywhereResponse>('/api/auth/sessions/revoke-others', { method: 'POST' });
}

export function revokeSession(id: string): Promise<void> {
  return apiRequest<void>(`/api/auth/sessions/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export function fetchSignInHistory(signal?: AbortSignal): Promise<SignInHistoryEntry[]> {
  return apiRequest<SignInHistoryEntry[]>('/api/auth/sign-in-history', { signal });
}

export function secureAccount(body: SecureAccountRequest): Promise<SecureAccountResponse> {
  return apiRequest<SecureAccountResponse>('/api/auth/secure-account', { method: 'POST', body });
}
