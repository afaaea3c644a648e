import type { UpdateWarningPreferencesRequest, WarningPreferences } from '@kindred/contracts';
import { apiRequest } from '../../../shared/lib/api-client';

export function fetchWarningPreferences(signal?: AbortSignal): Promise<WarningPreferences> {
  return apiRequest<WarningPreferences>('/api/me/warning-preferences', { signal });
}

export function saveWarningPreferences(body: UpdateWarningPreferencesRequest): Promise<WarningPreferences> {
  return apiRequest<WarningPreferences>('/api/me/warning-preferences', { method: 'PUT', body });
}
