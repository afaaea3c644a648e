import type { CurrentUser, Language } from '@kindred/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ME_QUERY_KEY } from '../../auth/hooks/use-session';
import { updateSettings } from '../api/account-api';
import { SETTINGS_QUERY_KEY } from './use-account';

/**
 * Saves the member's language. The page switches at once (the session carries the choice and
 * the app follows it); if saving fails, it switches back and says so.
 */
export function useSaveLanguage() {
  const client = useQueryClient();
  const setSessionLanguage = (language: Language | null) =>
    client.setQueryData<CurrentUser | null>(ME_QUERY_KEY, (user) => (user ? { ...user, language } : user));

  return useMutation({
    mutationFn: (language: Language | null) => updateSettings({ language }),
    onMutate: (language) => {
      const previous = client.getQueryData<CurrentUser | null>(ME_QUERY_KEY)?.language ?? null;
      setSessionLanguage(language);
      return { previous };
    },
    onError: (_error, _language, context) => setSessionLanguage(context?.previous ?? null),
    onSuccess: (saved) => client.setQueryData(SETTINGS_QUERY_KEY, saved),
  });
}
