import type { CurrentUser, SetupAdminRequest, SetupStatus } from '@kindred/contracts';
import { apiRequest } from '../../../shared/lib/api-client';

export function fetchSetupStatus(signal?: AbortSignal): Promise<SetupStatus> {
  return apiRequest<SetupStatus>('/api/setup/status', { signal });
}

export function createFirstAdmin(body: SetupAdminRequest): Promise<CurrentUser | undefined> {
  return apiRequest<CurrentUser | undefined>('/api/setup/admin', { method: 'POST', body });
}
