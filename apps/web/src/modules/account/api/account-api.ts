import type { Language, WhoCanMessageMe } from '@kindred/contracts';
import { apiRequest } from '../../../shared/lib/api-client';

export type MentionChoice = 'everyone' | 'rooms' | 'nobody';

/** GET/PATCH /api/me/settings (not in the shared contracts yet, so described here). */
export interface MemberSettings {
  showPresence: boolean;
  showTyping: boolean;
  mentionsFrom: MentionChoice;
  /** Who may start a private conversation with me. */
  whoCanMessageMe: WhoCanMessageMe;
  /** "Seen" in one-to-one conversations, only ever shown when the other person turned it on too. */
  readReceipts: boolean;
  /** null follows the browser's language. */
  language: Language | null;
}

export function fetchSettings(signal?: AbortSignal): Promise<MemberSettings> {
  return apiRequest<MemberSettings>('/api/me/settings', { signal });
}

export function updateSettings(body: Partial<MemberSettings>): Promise<MemberSettings> {
  return apiRequest<MemberSettings>('/api/me/settings', { method: 'PATCH', body });
}

export function deleteAccount(password: string, eraseContent: boolean): Promise<void> {
  return apiRequest<void>('/api/me', { method: 'DELETE', body: { password, eraseContent } });
}

export const EXPORT_URL = '/api/me/export';
