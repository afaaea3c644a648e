import type { ComposeCheckRequest, ComposeCheckResult } from '@kindred/contracts';
import { apiRequest } from '../../../shared/lib/api-client';

/** The server reads the draft and forgets it: nothing of the check is stored. */
export function checkDraft(request: ComposeCheckRequest, signal?: AbortSignal): Promise<ComposeCheckResult> {
  return apiRequest<ComposeCheckResult>('/api/compose/check', { method: 'POST', body: request, signal });
}
