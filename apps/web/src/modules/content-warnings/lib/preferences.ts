import {
  CONTENT_WARNING_CATEGORIES,
  DEFAULT_WARNING_PREFERENCE,
  WarningPreference,
  type WarningPreferences,
} from '@kindred/contracts';

export const PREFERENCE_OPTIONS: { value: WarningPreference; label: string; hint: string }[] = [
  { value: WarningPreference.Show, label: 'Show', hint: 'shown as usual, with its label' },
  { value: WarningPreference.Warn, label: 'Ask first', hint: 'folded away until you choose to open it' },
  { value: WarningPreference.Hide, label: 'Hide', hint: 'never sent to you; a quiet note says something was left out' },
];

export function defaultPreferences(): WarningPreferences {
  return Object.fromEntries(
    CONTENT_WARNING_CATEGORIES.map((category) => [category, DEFAULT_WARNING_PREFERENCE]),
  ) as WarningPreferences;
}
