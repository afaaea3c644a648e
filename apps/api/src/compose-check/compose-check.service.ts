import { Injectable } from '@nestjs/common';
import { CHAT_MESSAGE_MAX_LENGTH, CONTENT_WARNING_CATEGORIES, type ComposeCheckResult, type IdentifyingSpan } from '@kindred/contracts';
import type { AccessGrant } from '../access/access.service.js';
import { AppError } from '../common/errors/app-error.js';
import { detectCrisis } from '../moderation/crisis/crisis-detector.js';
import { crisisWarnings } from '../moderation/crisis/crisis-warnings.js';
import type { ComposeCheckDto } from './dto/compose-check.dto.js';
import { findIdentifyingText } from './identifying/identifying-text.js';
import { keywordCategories } from './warning-suggestions.js';

/** Chat lines and private messages are shorter than posts; a draft longer than its place allows is refused here too. */
const TEXT_LIMIT = { thread: undefined, reply: undefined, chat: CHAT_MESSAGE_MAX_LENGTH, message: CHAT_MESSAGE_MAX_LENGTH } as const;

/**
 * The check before sending: pure reading of the draft. Nothing is stored or logged, and the
 * answer never blocks anything; the member decides what to do with it.
 */
@Injectable()
export class ComposeCheckService {
  /** Takes the gate's grant for the place the draft goes, so a check cannot skip the gate. */
  check(_grant: AccessGrant, draft: ComposeCheckDto): ComposeCheckResult {
    const whole = draft.title ? `${draft.title}\n${draft.text}` : draft.text;
    const crisis = detectCrisis(whole);
    const chosen = new Set(draft.chosenWarnings ?? []);
    const suggested = new Set([...(crisis.hit ? crisisWarnings(crisis) : []), ...keywordCategories(whole)]);
    return {
      identifying: [...spansIn('title', draft.title ?? ''), ...spansIn('text', draft.text)],
      crisis: crisis.hit,
      suggestedWarnings: CONTENT_WARNING_CATEGORIES.filter((c) => suggested.has(c) && !chosen.has(c)),
    };
  }
}

function spansIn(field: IdentifyingSpan['field'], text: string): IdentifyingSpan[] {
  return findIdentifyingText(text).map(({ kind, start, end }) => ({ kind, field, start, end }));
}

/**
 * What the body's shape cannot say on its own: where a draft goes decides which id it needs,
 * whether it may have a title, and how long it may be. Checked before the gate, so a wrong
 * context never reaches a room or conversation look-up.
 */
export function requireCoherentDraft(draft: ComposeCheckDto): void {
  const { kind, roomId, conversationId } = draft.context;
  const inRoom = kind !== 'message';
  if (inRoom && (!roomId || conversationId)) {
    throw AppError.validation(`A ${kind} draft names its room (context.roomId) and no conversation.`, [{ field: 'context.roomId', code: 'compose-check.room-required', problem: 'roomId is required for this kind, conversationId is not allowed.' }]);
  }
  if (!inRoom && (!conversationId || roomId)) {
    throw AppError.validation('A private message names its conversation (context.conversationId) and no room.', [{ field: 'context.conversationId', code: 'compose-check.conversation-required', problem: 'conversationId is required for a message, roomId is not allowed.' }]);
  }
  if (draft.title !== undefined && kind !== 'thread') {
    throw AppError.validation('Only a new thread has a title.', [{ field: 'title', code: 'compose-check.title-not-allowed', problem: 'title is only for kind "thread".' }]);
  }
  if (!draft.text.trim()) {
    throw AppError.validation('There is nothing to check yet.', [{ field: 'text', code: 'validation.isNotEmpty', problem: 'text must not be blank.' }]);
  }
  const limit = TEXT_LIMIT[kind];
  if (limit !== undefined && draft.text.length > limit) {
    throw AppError.validation(`A ${kind} is at most ${limit} characters.`, [{ field: 'text', code: 'validation.maxLength', problem: `text must be at most ${limit} characters for kind "${kind}".` }]);
  }
}
