import { HttpStatus } from '@nestjs/common';
import { ErrorCode, type ContentWarningCategory, type ContentWarningInput, ErrorReason } from '@kindred/contracts';
import { AppError } from './errors/app-error.js';

export interface NormalizedWarning {
  categories: ContentWarningCategory[];
  note: string | null;
}

/**
 * Checks a warning choice. When the room requires one, an empty choice is refused:
 * "none apply" must be said explicitly, so skipping the question is not an answer.
 */
export function normalizeWarning(input: ContentWarningInput | undefined, required: boolean): NormalizedWarning {
  const categories = [...new Set(input?.categories ?? [])];
  if (input?.noneApply && categories.length > 0) {
    throw AppError.validation('Choose warning categories or "none apply", not both.', [{ field: 'warning', code: 'warning.contradictory', problem: 'Contradictory warning choice.' }], ErrorReason.ContradictoryWarning);
  }
  if (required) requireWarningChoice(input);
  return { categories, note: input?.note?.trim() || null };
}

/** For a room that asks for a choice: a category or an explicit "none apply" (a note alone is not an answer). */
export function requireWarningChoice(input: ContentWarningInput | undefined): void {
  if ((input?.categories ?? []).length > 0 || input?.noneApply) return;
  throw new AppError({
    status: HttpStatus.BAD_REQUEST,
    code: ErrorCode.WarningRequired,
    message: 'This room asks for a content-warning choice. Pick any that apply, or "none apply".',
    details: [{ field: 'warning', code: 'warning.required', problem: 'A content-warning choice is required in this room.' }],
  });
}
