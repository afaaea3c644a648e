import type { CrisisCountriesView, CrisisResourcesView } from '@kindred/contracts';
import { apiRequest } from '../../../shared/lib/api-client';

/** Signed in, the member's own country is used unless `country` names another. */
export function fetchCrisisResources(language: string, signal?: AbortSignal): Promise<CrisisResourcesView> {
  return apiRequest<CrisisResourcesView>('/api/crisis-resources', { query: { lang: language }, signal });
}

export function fetchCrisisCountries(signal?: AbortSignal): Promise<CrisisCountriesView> {
  return apiRequest<CrisisCountriesView>('/api/crisis-resources/countries', { signal });
}

export function saveCountry(country: string | null): Promise<{ country: string | null }> {
  return apiRequest<{ country: string | null }>('/api/me/settings', { method: 'PATCH', body: { country } });
}
