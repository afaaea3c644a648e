import type { CreatePersonalFilterRequest, PersonalFilter, UpdatePersonalFilterRequest } from '@kindred/contracts';
import { apiRequest } from '../../../shared/lib/api-client';

export function fetchFilters(signal?: AbortSignal): Promise<PersonalFilter[]> {
  return apiRequest<PersonalFilter[]>('/api/me/filters', { signal });
}

export function addFilter(request: CreatePersonalFilterRequest): Promise<PersonalFilter> {
  return apiRequest<PersonalFilter>('/api/me/filters', { method: 'POST', body: request });
}

export function editFilter(id: string, changes: UpdatePersonalFilterRequest): Promise<PersonalFilter> {
  return apiRequest<PersonalFilter>(`/api/me/filters/${encodeURIComponent(id)}`, { method: 'PATCH', body: changes });
}

export function removeFilter(id: string): Promise<void> {
  return apiRequest<void>(`/api/me/filters/${encodeURIComponent(id)}`, { method: 'DELETE' });
}
