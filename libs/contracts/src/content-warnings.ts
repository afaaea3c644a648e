/** Default taxonomy. Labels name the topic, never details. */
export const CONTENT_WARNING_CATEGORIES = [
  'suicide',
  'self-harm',
  'sexual-violence',
  'domestic-abuse',
  'emotional-abuse',
  'child-abuse',
  'violence',
  'stalking-harassment',
  'eating-body',
  'substance-use',
  'death-grief',
  'medical-trauma',
  'discrimination',
] as const;
export type ContentWarningCategory = (typeof CONTENT_WARNING_CATEGORIES)[number];

export const CONTENT_WARNING_LABELS: Record<ContentWarningCategory, string> = {
  suicide: 'Suicide',
  'self-harm': 'Self-harm',
  'sexual-violence': 'Sexual violence',
  'domestic-abuse': 'Domestic abuse',
  'emotional-abuse': 'Emotional abuse',
  'child-abuse': 'Child abuse',
  violence: 'Violence',
  'stalking-harassment': 'Stalking and harassment',
  'eating-body': 'Eating and body image',
  'substance-use': 'Substance use',
  'death-grief': 'Death and grief',
  'medical-trauma': 'Medical trauma',
  discrimination: 'Discrimination',
};

export const WarningPreference = {
  Show: 'show',
  Warn: 'warn',
  Hide: 'hide',
} as const;
export type WarningPreference = (typeof WarningPreference)[keyof typeof WarningPreference];
export const DEFAULT_WARNING_PREFERENCE: WarningPreference = WarningPreference.Warn;
