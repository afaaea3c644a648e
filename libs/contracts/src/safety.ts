import type { ContentWarningCategory, WarningPreference } from './content-warnings.js';

export type WarningPreferences = Record<ContentWarningCategory, WarningPreference>;

export type UpdateWarningPreferencesRequest = Partial<WarningPreferences>;

export interface BlockedMember {
  id: string;
  handle: string;
  blockedAt: string;
}

export interface BlockRequest {
  handle: string;
}
