import {
  CONTENT_WARNING_CATEGORIES,
  DEFAULT_WARNING_PREFERENCE,
  WarningPreference,
  type WarningPreferences,
} from '@kindred/contracts';

/** In the order they are offered; their words are in `PREFERENCE_LABELS`. */
export const PREFERENCE_OPTIONS: WarningPreference[] = [WarningPreference.Show, WarningPreference.Warn, WarningPreference.Hide];

export function defaultPreferences(): WarningPreferences {
  return Object.fromEntries(
    CONTENT_WARNING_CATEGORIES.map((category) => [category, DEFAULT_WARNING_PREFERENCE]),
  ) as WarningPreferences;
}
