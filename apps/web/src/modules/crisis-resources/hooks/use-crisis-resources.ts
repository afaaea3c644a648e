import type { CrisisResource } from '@kindred/contracts';
import { useLingui } from '@lingui/react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { SETTINGS_QUERY_KEY } from '../../account/hooks/use-account';
import { fetchCrisisCountries, fetchCrisisResources, saveCountry } from '../api/crisis-resources-api';

const RESOURCES_KEY = 'crisis-resources';

/** The language part of the active locale (`es`, or `ar` for the pseudo-locale, which falls back to English). */
function useLanguage(): string {
  return useLingui().i18n.locale.split('-')[0]!;
}

/**
 * Resources for the member's country, in the language on screen. `initial` (what came with a
 * post or message) shows at once; switching language fetches the texts again, no reload.
 */
export function useCrisisResources(initial?: CrisisResource[]) {
  const language = useLanguage();
  return useQuery({
    queryKey: [RESOURCES_KEY, language],
    queryFn: ({ signal }) => fetchCrisisResources(language, signal),
    placeholderData: initial ? { country: null, language, resources: initial } : undefined,
    staleTime: 5 * 60_000,
  });
}

export function useCrisisCountries() {
  return useQuery({ queryKey: [RESOURCES_KEY, 'countries'], queryFn: ({ signal }) => fetchCrisisCountries(signal), staleTime: 60 * 60_000 });
}

export function useSaveCountry() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: saveCountry,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: [RESOURCES_KEY] });
      void client.invalidateQueries({ queryKey: SETTINGS_QUERY_KEY });
    },
  });
}
