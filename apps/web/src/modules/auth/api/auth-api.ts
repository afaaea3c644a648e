import type { CurrentUser, LoginRequest, RegisterRequest } from '@kindred/contracts';
import { ApiRequestError, apiRequest } from '../../../shared/lib/api-client';

/** The signed-in member, or null when there is no session. */
export async function fetchCurrentUser(signal?: AbortSignal): Promise<CurrentUser | null> {
  try {
    return await apiRequest<CurrentUser>('/api/auth/me', { signal });
  } catch (cause) {
    if (cause instanceof ApiRequestError && cause.status === 401) return null;
    throw cause;
  }
}

export function login(body: LoginRequest): Promise<CurrentUser> {
  return apiRequest<CurrentUser>('/api/auth/login', { method: 'POST', body });
}

export function register(body: RegisterRequest): Promise<CurrentUser> {
  return apiRequest<CurrentUser>('/api/auth/register', { method: 'POST', body });
}

export function logout(): Promise<void> {
  return apiRequest<void>('/api/auth/logout', { method: 'POST' });
}
